import Foundation
import PlanText

/// Timing helpers for `sciplan bench`.
enum BenchTiming {
    /// One `PlanReader.read`; returns nodes + targets so the work cannot be optimised away.
    static func read(_ data: Data) throws -> Int {
        do throws(PlanTextError) {
            let plan = try PlanReader.read(data, file: "bench.txt")
            return plan.nodes.count + plan.targets.count
        } catch {
            let size = String(format: "%.2f MiB", Double(data.count) / Double(BenchInput.mib))
            throw CLIError("PlanReader.read failed on the \(size) input: "
                + (error.errorDescription ?? "\(error)"))
        }
    }

    /// Seconds taken by one call of `body`.
    static func time(_ body: () throws -> Int) rethrows -> Double {
        let clock = ContinuousClock()
        var result = 0
        let elapsed = try clock.measure { result = try body() }
        blackHole(result)
        let parts = elapsed.components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }

    /// Calls `body` until `seconds` have passed (at least `minRuns`, at most `maxRuns`
    /// times) after a few warm-up calls; returns the time of each call.
    static func repeatFor(seconds: Double, minRuns: Int, maxRuns: Int,
                          _ body: () throws -> Int) rethrows -> [Double] {
        for _ in 0..<3 { blackHole(try body()) }
        var times: [Double] = []
        var total = 0.0
        while times.count < maxRuns && (times.count < minRuns || total < seconds) {
            let t = try time(body)
            times.append(t)
            total += t
        }
        return times
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }

    @inline(never) static func blackHole(_ value: Int) {
        if value == Int.min { Swift.print("") }
    }
}

/// A plain text table of timings.
struct BenchTable {
    private var rows: [[String]] = []

    mutating func add(_ name: String, bytes: Int, times: [Double]) {
        let best = times.min() ?? .nan
        let median = BenchTiming.median(times)
        let mib = Double(bytes) / Double(BenchInput.mib)
        rows.append([
            name,
            bytes < BenchInput.mib ? String(format: "%.1f KB", Double(bytes) / 1000) : String(format: "%.2f MiB", mib),
            String(times.count),
            String(format: "%.3f", best * 1000),
            String(format: "%.3f", median * 1000),
            String(format: "%.2f", mib / best),
            String(format: "%.2f", mib / median),
        ])
    }

    func print() {
        let header = ["measure", "size", "runs", "best ms", "median ms", "MiB/s best", "MiB/s median"]
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        for (index, row) in all.enumerated() {
            let cells = row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + pad : pad + cell
            }
            Swift.print(cells.joined(separator: "  "))
            if index == 0 { Swift.print(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")) }
        }
    }
}
