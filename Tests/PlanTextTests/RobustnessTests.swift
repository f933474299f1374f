import Foundation
import Testing
import PlanText

/// Hostile and extreme inputs: the reader must return a plan or a `PlanTextError`,
/// never crash or trap. No timing assertions here; `sciplan bench parse` measures speed.
@Suite("Robustness")
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

    @Test func emptyDataIsAnErrorOrAnEmptyPlan() {
        let result = readOrError(Data(), file: "empty.txt")
        expectFile(result, "empty.txt")
        #expect(PlanParser.parse("", file: "empty.txt").file == "empty.txt")
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
        for prefix in 0...magic.count {
            expectFile(readOrError(Data(magic.prefix(prefix)), file: "x.docx"), "x.docx")
        }
        for size in [0, 1, 10, 26, 30, 100, 1000, 22 + 4096] {
            let garbage = (0..<size).map { _ in UInt8.random(in: 0...255, using: &rng) }
            expectFile(readOrError(Data(magic + garbage), file: "x.docx"), "x.docx")
        }
        // A zip whose central directory points past the end.
        let eocd: [UInt8] = [0x50, 0x4B, 0x05, 0x06, 0, 0, 0, 0, 1, 0, 1, 0,
                             0x2E, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0x7F, 0, 0]
        expectFile(readOrError(Data(magic + [UInt8](repeating: 0, count: 26) + eocd), file: "x.docx"), "x.docx")
    }

    @Test func hundredThousandLines() {
        let text = RobustnessInputs.mixedOutline(lines: 100_000)
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false).count >= 100_000)
        expectFile(readOrError(Data(text.utf8), file: "long.txt"), "long.txt")
        #expect(PlanParser.parse(text, file: "long.txt").file == "long.txt")
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
        #expect(PlanParser.parse(text, file: "line.txt").file == "line.txt")
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
