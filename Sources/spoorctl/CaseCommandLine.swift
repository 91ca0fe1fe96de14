import ArgumentParser
import Foundation
import SpoorProtocol

/// The options of every command that records something on a case.
struct CaseTarget: ParsableArguments {
    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("case"), help: ArgumentHelp("The case id.", valueName: "id"), completion: Completions.cases)
    var caseID: String

    @Option(help: ArgumentHelp("The role to act in, when you hold several.", valueName: "role"))
    var role: String?

    @Option(help: ArgumentHelp("A UUID for the event, so that a retry after a lost reply records it once.", valueName: "uuid"))
    var eventID: String?

    @Option(
        help: ArgumentHelp(
            "For a delegate (an integration's OS user) only: the user of the configuration you act for; you stay the actor.",
            valueName: "user"))
    var onBehalfOf: String?
}

/// A subcommand that sends one domain command: its options make the command's body.
protocol CaseCommandLine: ParsableCommand {
    /// The command's name in the wire protocol, e.g. `record-signal`.
    static var wireName: String { get }
    var target: CaseTarget { get }
    func body() throws -> JSONValue
    /// What to do on the same connection once the command is recorded; nothing by default.
    func afterRecording(_ client: SocketClient) throws
    /// The flag that gives each field of the body, where the names differ: an error names the
    /// flag the user typed (`--age`), not the field it became (`youth.ageAtOpening`).
    static var flags: [String: String] { get }
}

extension CaseCommandLine {
    func afterRecording(_ client: SocketClient) throws {}
    static var flags: [String: String] { [:] }

    /// The flag a body field came from: the table's, else the field's last part in kebab case
    /// (`observedOn`: `--observed-on`) when this command has that flag.
    static func flag(for field: String) -> String? {
        if let flag = flags[field] { return flag }
        let last = field.split(separator: ".").last.map(String.init) ?? field
        let kebab = "--" + last.reduce(into: "") { $0 += $1.isUppercase ? "-" + $1.lowercased() : String($1) }
        let help = helpMessage(columns: 10_000)
        return [" ", "\n", "]"].contains { help.contains(kebab + $0) } ? kebab : nil
    }

    func run() throws {
        let params = CommandParams(
            case: target.caseID, command: Self.wireName, body: try body(),
            role: target.role, eventID: target.eventID, onBehalfOf: target.onBehalfOf)
        try target.global.run({ client in
            let reply: CommandReply
            do { reply = try client.call(.caseCommand, JSONValue(encoding: params), as: CommandReply.self) } catch ClientError.daemon(var wire) {
                if let flag = wire.field.flatMap(Self.flag(for:)) { wire.field = flag }
                throw ClientError.daemon(wire)
            }
            try afterRecording(client)
            return reply
        }) { reply in
            var lines = ["\(reply.type) recorded on case \(target.caseID) at position \(reply.position)"]
            if let signal = reply.event["signalID"]?.string, Self.wireName == "record-signal" { lines.append("signal: \(signal)") }
            if let report = reply.event["reportID"]?.string { lines.append("report: \(report)") }
            if let norm = reply.event["norm"]?.string { lines.append("norm: \(norm)") }
            return lines.joined(separator: "\n")
        }
    }
}

/// The day a command records, `--on YYYY-MM-DD`, today by default: one option for every command
/// that records something on a day.
struct DayOption: ParsableArguments {
    @Option(help: ArgumentHelp("YYYY-MM-DD, today by default.", valueName: "day")) var on: String?

    var value: String { on ?? today() }
}

/// Today in the local time zone, as the daemon expects dates: `YYYY-MM-DD`.
func today() -> String {
    let formatter = DateFormatter()
    formatter.calendar = Calendar(identifier: .gregorian)
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "yyyy-MM-dd"
    return formatter.string(from: Date())
}

extension JSONValue {
    /// An object of the fields that have a value: absent options stay out of the body.
    static func fields(_ pairs: KeyValuePairs<String, JSONValue?>) -> JSONValue {
        .object(Dictionary(pairs.compactMap { key, value in value.map { (key, $0) } }, uniquingKeysWith: { $1 }))
    }

    static func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }

    /// A free-text note, sealed by the daemon; absent when `text` is.
    static func note(_ text: String?) -> JSONValue? { text.map { ["text": .string($0)] } }
}
