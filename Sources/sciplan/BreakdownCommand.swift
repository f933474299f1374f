import ArgumentParser
import Foundation
import PlanDomain
import PlanText

struct BreakdownCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "breakdown",
        abstract: "导出任务分解表（.xlsx），或从任务分解表读回计划 JSON。",
        discussion: """
            sciplan breakdown PLAN.txt|.docx --out FILE.xlsx
            sciplan breakdown --from FILE.xlsx --json
            sciplan breakdown --from FILE.xlsx --out AGAIN.xlsx   (读回后重新导出)
            """
    )

    @Argument(help: "计划文档（.txt / .docx），导出其任务分解表。")
    var plan: String?

    @Option(name: .long, help: "导出的 .xlsx 文件（与 --from 同用时：读回后重新导出）。")
    var out: String?

    @Option(name: .long, help: "读取的任务分解表（.xlsx）。")
    var from: String?

    @Flag(name: .long, help: "把读取的任务分解表按计划 JSON 格式打印到标准输出。")
    var json = false

    func validate() throws {
        switch (plan, from) {
        case (.some, nil):
            guard out != nil else { throw ValidationError("导出时需要 --out FILE.xlsx。") }
            guard !json else { throw ValidationError("--json 只能与 --from 一起使用。") }
        case (nil, .some):
            guard json != (out != nil) else { throw ValidationError("读取任务分解表时需要 --json 或 --out（二者选一）。") }
        default:
            throw ValidationError("请给出一个计划文档（导出），或 --from FILE.xlsx（读取），二者选一。")
        }
    }

    func run() throws {
        let path = plan ?? from ?? ""
        do {
            let data = try readFile(path)
            let name = (path as NSString).lastPathComponent
            // A table read back goes through the plan, as an import does.
            let plan = from == nil ? try PlanReader.read(data, file: name) : try BreakdownWorkbook.read(data).plan(file: name)
            if let out {
                try BreakdownWorkbook.xlsx(BreakdownTable(plan: plan)).write(to: URL(fileURLWithPath: out), options: .atomic)
            } else {
                FileHandle.standardOutput.write(plan.jsonData())
            }
        } catch {
            let message = (error as? LocalizedError)?.errorDescription ?? "\(error)"
            FileHandle.standardError.write(Data("sciplan breakdown: \(path): \(message)\n".utf8))
            throw ExitCode(1)
        }
    }
}
