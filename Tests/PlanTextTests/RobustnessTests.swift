import Foundation
import Testing
import PlanText

/// Hostile and extreme inputs: the reader returns the plan or the error each
/// input calls for, never crashes, traps or hangs (the suite's time limit;
/// `sciplan bench parse` measures speed).
@Suite("Robustness", .timeLimit(.minutes(2)))
struct RobustnessTests {
    /// Reads through the public entry point; any thrown error is typed `PlanTextError`.
    private func readOrError(_ data: Data, file: String = "input.txt") -> Result<Plan, PlanTextError> {
        do throws(PlanTextError) {
            return .success(try PlanReader.read(data, file: file))
        } catch {
            return .failure(error)
        }
    }

    private func expectFile(_ result: Result<Plan, PlanTextError>, _ file: String) {
        if case .success(let plan) = result { #expect(plan.file == file) }
    }

    @Test func emptyDataIsTheEmptyError() {
        #expect(throws: PlanTextError.empty) { try PlanReader.read(Data(), file: "empty.txt") }
        let parsed = PlanParser.parse("", file: "empty.txt")
        #expect(parsed.file == "empty.txt" && parsed.nodes.isEmpty)
    }

    @Test(arguments: [1, 7, 42, 2023, 65_537])
    func randomBinaryBytes(seed: UInt64) {
        var rng = RobustnessRandom(seed: seed)
        for size in [1, 2, 3, 4, 17, 512, 4096, 65_536] {
            let data = Data((0..<size).map { _ in UInt8.random(in: 0...255, using: &rng) })
            expectFile(readOrError(data, file: "random.bin"), "random.bin")
        }
    }

    @Test func truncatedZipHeaders() {
        var rng = RobustnessRandom(seed: 0x5A1F)
        let magic: [UInt8] = [0x50, 0x4B, 0x03, 0x04]  // "PK\u{3}\u{4}"
        // Every one is refused as a damaged .docx (or as empty), never read as a plan.
        func refused(_ bytes: [UInt8], _ label: String) {
            switch readOrError(Data(bytes), file: "x.docx") {
            case .failure(.corruptDocx), .failure(.empty): break
            case .failure(let other): Issue.record("\(label): \(other)")
            case .success: Issue.record("\(label): read as a plan")
            }
        }
        // Fewer bytes than the zip signature are not a zip: read as (empty) text.
        for prefix in 1..<magic.count {
            guard case .success(let plan) = readOrError(Data(magic.prefix(prefix)), file: "x.docx") else {
                Issue.record("magic prefix \(prefix) refused"); continue
            }
            #expect(plan.nodes.isEmpty)
        }
        refused(magic, "the signature alone")
        for size in [0, 1, 10, 26, 30, 100, 1000, 22 + 4096] {
            refused(magic + (0..<size).map { _ in UInt8.random(in: 0...255, using: &rng) }, "\(size) bytes of garbage")
        }
        // A zip whose central directory points past the end.
        let eocd: [UInt8] = [0x50, 0x4B, 0x05, 0x06, 0, 0, 0, 0, 1, 0, 1, 0,
                             0x2E, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0x7F, 0, 0]
        refused(magic + [UInt8](repeating: 0, count: 26) + eocd, "directory past the end")
    }

    @Test func hundredThousandLines() {
        let text = RobustnessInputs.mixedOutline(lines: 100_000)
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false).count >= 100_000)
        expectFile(readOrError(Data(text.utf8), file: "long.txt"), "long.txt")
        // Four lines in ten are numbered headings: thousands of nodes come out.
        #expect(PlanParser.parse(text, file: "long.txt").nodes.count > 1_000)
    }

    @Test func deepNestingOfAlternatingLabels() {
        let text = RobustnessInputs.deepNesting(levels: 10_000)
        expectFile(readOrError(Data(text.utf8), file: "deep.txt"), "deep.txt")
        #expect(PlanParser.parse(text, file: "deep.txt").file == "deep.txt")
    }

    @Test func singleFiveMegabyteLine() {
        let unit = "加快推进高水平科技自立自强（牵头单位：市科技局）1.2%，"
        let count = 5 * 1_048_576 / unit.utf8.count + 1
        let text = "一、" + String(repeating: unit, count: count)
        #expect(text.utf8.count > 5 * 1_048_576)
        expectFile(readOrError(Data(text.utf8), file: "line.txt"), "line.txt")
        // One heading, however long, and it is a task.
        let plan = PlanParser.parse(text, file: "line.txt")
        #expect(plan.nodes.count == 1)
        #expect(plan.nodes.first?.label == "一" && plan.nodes.first?.isTask == true)
    }

    @Test(arguments: RobustnessInputs.unbalanced)
    func unbalancedBracketsAndQuotes(input: NamedInput) {
        let text = input.text
        expectFile(readOrError(Data(text.utf8), file: "brackets.txt"), "brackets.txt")
        #expect(PlanParser.parse(text, file: "brackets.txt").file == "brackets.txt")
    }

    @Test func lonelySurrogatesAndControlCharacters() {
        // Invalid UTF-8 (overlong, surrogate halves) and C0 controls; String(decoding:) repairs to U+FFFD.
        let bytes: [UInt8] = [0xED, 0xA0, 0x80, 0x0A, 0xC0, 0xAF, 0x00, 0x0D, 0x0D, 0x0A, 0x1B, 0x7F]
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(PlanParser.parse(text, file: "ctl.txt").file == "ctl.txt")
        expectFile(readOrError(Data(bytes), file: "ctl.txt"), "ctl.txt")
    }
}
