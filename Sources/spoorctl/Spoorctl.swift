import ArgumentParser
import Foundation
import SpoorProtocol

/// `spoorctl`: talks to `spoord` over its Unix socket.
@main
struct Spoorctl: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spoorctl",
        abstract: "Work with the Spoor registration ledger: cases, signals, reports, consent, audit and administration.",
        discussion: """
            Talks to spoord over its Unix socket (--socket, or SPOOR_SOCKET, default /run/spoor/spoor.sock). \
            The daemon knows you by your OS user; your roles come from its configuration.
            Exit codes: 0 done, 64 usage, 65 invalid input or a rule broken, 66 not found, \
            69 daemon unreachable, 70 daemon failure, 73 a file that cannot be written, 75 conflict (reread and retry), 77 denied.
            """,
        version: WireProtocol.softwareVersion,
        subcommands: [
            CaseGroup.self, ScreeningGroup.self, SignalGroup.self, RiskGroup.self, ConsultGroup.self, ConversationGroup.self, Weigh.self,
            ReportGroup.self, FeedbackGroup.self, ConsentGroup.self, RegisterGroup.self, StatementGroup.self,
            SubjectGroup.self, AccessGroup.self, RetentionGroup.self, KeysGroup.self, WorklistCommand.self, ProtocolGroup.self, AuditGroup.self,
            StatsCommand.self, EventsGroup.self, ProjectionsGroup.self,
            BackupCommand.self, StatusCommand.self, MetricsCommand.self,
        ])

    /// Global options are taken before the command as well (`spoorctl --json status`), as `git -C`
    /// and `systemctl --user` are: they are moved after it, where each command reads them.
    /// A file that cannot be written exits 73 (EX_CANTCREAT) with its path and reason, wherever it is written.
    static func main() {
        do {
            var command = try parseAsRoot(GlobalOptions.movedAfterCommand(Array(CommandLine.arguments.dropFirst())))
            try command.run()
        } catch let failure as AtomicFile.Failure {
            FileHandle.standardError.write(Data("\(GlobalOptions.errorPriority)spoorctl: \(failure)\n".utf8))
            exit(withError: ExitCode(73))
        } catch {
            exit(withError: error)
        }
    }
}
