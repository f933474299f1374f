import ArgumentParser
import Foundation
import PlanText

/// `sciplan bench …`: developer benchmarks. Speed is measured here, never in tests.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmarks (build with -c release for meaningful figures).",
        subcommands: [BenchParseCommand.self]
    )
}

struct BenchParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Throughput and linearity of PlanReader.read on seed plans repeated to ≥10 MB."
    )

    @Option(help: "Size of the large input in MiB (at least 10).")
    var megabytes: Int = 12

    @Option(help: "Runs per large-input measurement (best and median are reported).")
    var iterations: Int = 5

    @Option(help: "Directory of seed plans (*.txt), relative to the current directory.")
    var seeds: String = "Seeds/plans"

    func validate() throws {
        guard megabytes >= 10 else { throw ValidationError("--megabytes must be at least 10.") }
        guard iterations >= 1 else { throw ValidationError("--iterations must be at least 1.") }
    }

    func run() throws {
        let plans = try BenchInput.loadSeeds(seeds)
        let copies = BenchInput.repeatToSize(plans.map(\.text), bytes: megabytes * BenchInput.mib)
        #if DEBUG
        print("build: DEBUG — figures are not representative; run scripts/bench.sh (release).")
        #else
        print("build: release")
        #endif
        print("input: \(plans.count) seed plans from \(seeds), \(copies.count) copies concatenated, "
            + "\(iterations) run(s) per size; 1 MiB = 1,048,576 bytes")
        print("")

        var table = BenchTable()
        // (b) One plan of about 12 KB: the seed closest to that size.
        let single = plans.min { abs($0.text.utf8.count - 12_000) < abs($1.text.utf8.count - 12_000) }!
        let singleData = Data(single.text.utf8)
        let singleTimes = try BenchTiming.repeatFor(seconds: 2, minRuns: 30, maxRuns: 2_000) {
            try BenchTiming.read(singleData)
        }
        table.add("one plan (\(single.name))", bytes: singleData.count, times: singleTimes)

        // (a) + (c) The whole input and its first quarter and half, in whole copies.
        var perMiB: [(label: String, value: Double)] = []
        for (label, fraction) in [("1/4", 4), ("1/2", 2), ("full", 1)] {
            let data = Data(copies.prefix(max(1, copies.count / fraction)).joined().utf8)
            _ = try BenchTiming.read(data)  // warm-up, and fail early on an error
            var times: [Double] = []
            for _ in 0..<iterations { times.append(try BenchTiming.time { try BenchTiming.read(data) }) }
            table.add("\(label) input", bytes: data.count, times: times)
            perMiB.append((label, BenchTiming.median(times) / (Double(data.count) / Double(BenchInput.mib))))
        }
        table.print()

        print("")
        print("linearity (median time per MiB; ratio 1.00 = linear in size):")
        let base = perMiB[0].value
        for entry in perMiB {
            let label = entry.label.padding(toLength: 5, withPad: " ", startingAt: 0)
            print("  \(label)" + String(format: "%10.3f ms/MiB   ratio to 1/4: %.2f",
                                         entry.value * 1000, base > 0 ? entry.value / base : .nan))
        }
    }
}

enum BenchInput {
    static let mib = 1_048_576

    static func loadSeeds(_ dir: String) throws -> [(name: String, text: String)] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CLIError("seed plans not found: '\(dir)' is not a directory. "
                + "Run from the repository root or pass --seeds DIR.")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: dir)
            .filter { $0.hasSuffix(".txt") }.sorted()
        let plans = try names.map { name in
            (name, try String(contentsOfFile: (dir as NSString).appendingPathComponent(name), encoding: .utf8))
        }
        guard !plans.isEmpty else { throw CLIError("no seed plans (*.txt) in '\(dir)'.") }
        return plans
    }

    /// Seed texts repeated in order until they add up to `bytes`, each copy ending
    /// in a blank line so the next plan starts on a fresh paragraph.
    static func repeatToSize(_ texts: [String], bytes: Int) -> [String] {
        var copies: [String] = []
        var total = 0
        while total < bytes {
            let text = texts[copies.count % texts.count] + "\n\n"
            copies.append(text)
            total += text.utf8.count
        }
        return copies
    }
}
