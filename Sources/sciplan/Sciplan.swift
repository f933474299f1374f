import ArgumentParser

@main
struct Sciplan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sciplan",
        abstract: "科技工作要点/工作方案的解析、督办与考核。",
        subcommands: [ParseCommand.self, EvalCommand.self, BenchCommand.self, BreakdownCommand.self, ServeCommand.self, GenerateCommand.self, BenchSupervisionCommand.self, BenchIndicatorsCommand.self, BackupCommand.self, RestoreCommand.self, CreateAdminCommand.self, UnlockAccountCommand.self, AuditCommand.self]
    )
}
