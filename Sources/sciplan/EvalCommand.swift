import ArgumentParser
import Foundation
import PlanText
import PlanScoring

/// `sciplan eval`: the corpus scorer (`score.py`) in Swift, on this package's own parser.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "用标注（gold）评测解析结果，指标与 score.py 完全一致。",
        discussion: """
            对 GOLD_DIR 中的每个 *.json，在 DOC_DIR 中找同名（任意扩展名）的文档，解析后与标注比对，\
            输出与 score.py 相同的表格（或 --json 时相同的 JSON）。没有文档或解析失败的，按全部漏检计，并在标准错误中报告。
            调试：--predictions PRED_DIR 直接评测一个目录中已有的预测 JSON（同 score.py GOLD_DIR PRED_DIR）。
            """
    )

    @Argument(help: "标注目录（*.json，SCHEMA.md 格式）。")
    var goldDir: String

    @Argument(help: "文档目录（.txt / .docx 等），按文件名主干与标注对应。")
    var docDir: String?

    @Flag(name: .long, help: "输出与 `score.py --json` 相同的 JSON。")
    var json = false

    @Option(name: .customLong("min-strict"), help: "总 strict_overall 低于此值时以非零状态退出，如 0.98。")
    var minStrict: Double?

    @Option(name: .long, help: "把每个文档的解析结果（预测 JSON）写入此目录。")
    var out: String?

    @Option(name: .long, help: "（调试）不解析文档，直接评测此目录中的预测 JSON，文件名与标注相同。")
    var predictions: String?

    func validate() throws {
        if (docDir == nil) == (predictions == nil) {
            throw ValidationError("请给出 DOC_DIR 或 --predictions PRED_DIR（二者选一）。")
        }
        if predictions != nil && out != nil {
            throw ValidationError("--out 只能与 DOC_DIR 一起使用。")
        }
    }

    func run() throws {
        let goldFiles = try jsonFiles(in: goldDir)
        if let out { try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true) }
        var inputs: [ScoreInput] = []
        for name in goldFiles {
            let goldPath = URL(fileURLWithPath: goldDir).appendingPathComponent(name)
            let gold: JSONValue
            do {
                gold = try JSONValue.parse(Data(contentsOf: goldPath))
            } catch {
                throw CLIError("标注文件 \(goldPath.path) 无法读取：\(error)")
            }
            let pred = try predictions.map { try storedPrediction(dir: $0, name: name) } ?? parsedPrediction(for: name)
            inputs.append(ScoreInput(name: name, gold: gold, pred: pred))
        }
        let report: ScoreReport
        do {
            report = try PlanScorer.score(inputs)
        } catch {
            throw CLIError("无法评分：\(error.message)")
        }
        print(json ? report.jsonText : report.tableText, terminator: "")
        if let minStrict, report.total.strictOverall < minStrict {
            warn("strict_overall \(report.total.strictOverall) 低于要求的 \(minStrict)。")
            throw ExitCode(2)
        }
    }

    /// `GOLD_DIR.glob("*.json")` sorted as Python sorts names (by code point).
    private func jsonFiles(in dir: String) throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: dir)
        return names.filter { $0.hasSuffix(".json") }
            .sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) { $0.value < $1.value } }
    }

    /// `PRED_DIR/name` as score.py reads it; nil when there is no such file.
    private func storedPrediction(dir: String, name: String) throws -> JSONValue? {
        let url = URL(fileURLWithPath: dir).appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            return try JSONValue.parse(Data(contentsOf: url))
        } catch {
            throw CLIError("预测文件 \(url.path) 无法读取：\(error)")
        }
    }

    /// The document with the gold file's stem, parsed; nil (all missed) when there
    /// is none or it cannot be parsed.
    private func parsedPrediction(for goldName: String) -> JSONValue? {
        let stem = (goldName as NSString).deletingPathExtension
        guard let docDir, let docName = document(named: stem, in: docDir) else {
            warn("\(goldName)：在 \(docDir ?? "") 中没有同名文档，按全部漏检计。")
            return nil
        }
        let path = URL(fileURLWithPath: docDir).appendingPathComponent(docName)
        do {
            let plan = try PlanReader.read(Data(contentsOf: path), file: docName)
            let data = try plan.jsonData()
            if let out {
                try data.write(to: URL(fileURLWithPath: out).appendingPathComponent(stem + ".json"), options: .atomic)
            }
            return try JSONValue.parse(data)
        } catch {
            let message = (error as? LocalizedError)?.errorDescription ?? "\(error)"
            warn("\(path.path)：解析失败，按全部漏检计：\(message)")
            return nil
        }
    }

    /// A file `stem.ext` (not .json, not a directory); the first by name when several.
    private func document(named stem: String, in dir: String) -> String? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        let candidates = names.filter { name in
            let ext = (name as NSString).pathExtension
            var isDirectory: ObjCBool = false
            return !ext.isEmpty && ext.lowercased() != "json" && (name as NSString).deletingPathExtension == stem
                && FileManager.default.fileExists(
                    atPath: (dir as NSString).appendingPathComponent(name), isDirectory: &isDirectory)
                && !isDirectory.boolValue
        }.sorted()
        if candidates.count > 1 {
            warn("\(stem)：有多个同名文档（\(candidates.joined(separator: "、"))），使用 \(candidates[0])。")
        }
        return candidates.first
    }

    private func warn(_ message: String) {
        FileHandle.standardError.write(Data("sciplan eval: \(message)\n".utf8))
    }
}
