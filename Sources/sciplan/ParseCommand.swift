import ArgumentParser
import Foundation
import PlanText

struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "读取计划文档（.txt / .docx），输出结构化 JSON（SCHEMA.md 格式）。"
    )

    @Argument(help: "计划文档，可多个。格式按文件内容识别（UTF-8/UTF-16/GB18030 文本或 .docx）。")
    var files: [String]

    @Option(name: .long, help: "输出目录；`-` 表示打印到标准输出（只能一个文件）。")
    var out: String

    func validate() throws {
        if out == "-" && files.count != 1 {
            throw ValidationError("--out - 只能用于一个文件。")
        }
    }

    func run() throws {
        var failures = 0
        if out != "-" {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        }
        for path in files {
            do {
                let data = try readFile(path)
                let name = (path as NSString).lastPathComponent
                let plan = try PlanReader.read(data, file: name)
                let json = plan.jsonData()
                if out == "-" {
                    FileHandle.standardOutput.write(json)
                } else {
                    let stem = (name as NSString).deletingPathExtension
                    let target = URL(fileURLWithPath: out).appendingPathComponent(stem + ".json")
                    try json.write(to: target, options: .atomic)
                }
            } catch {
                failures += 1
                let message = (error as? LocalizedError)?.errorDescription ?? "\(error)"
                FileHandle.standardError.write(Data("sciplan parse: \(path): \(message)\n".utf8))
            }
        }
        if failures > 0 { throw ExitCode(1) }
    }
}

/// The bytes of an input file, with a message a user can act on when it is missing.
func readFile(_ path: String) throws -> Data {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw CLIError("文件不存在。")
    }
    if isDirectory.boolValue { throw CLIError("这是一个目录，不是文件。") }
    return try Data(contentsOf: URL(fileURLWithPath: path))
}

struct CLIError: LocalizedError {
    let message: String
    init(_ message: String) { self.message = message }
    var errorDescription: String? { message }
}
