import ArgumentParser
import SpoorProtocol

struct ConsentGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consent", abstract: "Consent for an identifiable CoMensha registration: the youth from 16, a parent or guardian below.",
        subcommands: [RequestConsent.self, GiveConsent.self, RefuseConsent.self, WithdrawConsent.self, WaiveConsent.self])
}

struct RequestConsent: CaseCommandLine {
    static let configuration = CommandConfiguration(commandName: "request", abstract: "Record that consent was asked.")
    static let wireName = "request-consent"
    @OptionGroup var target: CaseTarget
    @Option(help: "youth, parent or guardian.") var from: String
    @Option(help: "YYYY-MM-DD, today by default.") var on: String?
    func body() -> JSONValue { ["from": .string(from), "requestedOn": .string(on ?? today())] }
}

struct GiveConsent: CaseCommandLine {
    static let configuration = CommandConfiguration(commandName: "give", abstract: "Record that consent was given.")
    static let wireName = "give-consent"
    @OptionGroup var target: CaseTarget
    @Option(help: "youth, parent or guardian.") var by: String
    @Flag(help: "The consent is in writing, as CoMensha needs.") var inWriting = false
    @Option(help: "YYYY-MM-DD, today by default.") var on: String?
    func body() -> JSONValue { ["by": .string(by), "inWriting": .bool(inWriting), "givenOn": .string(on ?? today())] }
}

struct RefuseConsent: CaseCommandLine {
    static let configuration = CommandConfiguration(commandName: "refuse", abstract: "Record that consent was refused.")
    static let wireName = "refuse-consent"
    @OptionGroup var target: CaseTarget
    @Option(help: "youth, parent or guardian.") var by: String
    @Option(help: "YYYY-MM-DD, today by default.") var on: String?
    func body() -> JSONValue { ["by": .string(by), "refusedOn": .string(on ?? today())] }
}

struct WithdrawConsent: CaseCommandLine {
    static let configuration = CommandConfiguration(commandName: "withdraw", abstract: "Record that consent was withdrawn.")
    static let wireName = "withdraw-consent"
    @OptionGroup var target: CaseTarget
    @Option(help: "youth, parent or guardian.") var by: String
    @Option(help: "YYYY-MM-DD, today by default.") var on: String?
    func body() -> JSONValue { ["by": .string(by), "withdrawnOn": .string(on ?? today())] }
}

struct WaiveConsent: CaseCommandLine {
    static let configuration = CommandConfiguration(commandName: "waive", abstract: "Waive consent (behavioural scientist only).")
    static let wireName = "waive-consent"
    @OptionGroup var target: CaseTarget
    @Option(help: "asking-would-cause-harm or cannot-reasonably-be-asked.") var ground: String
    @Option(help: "The justification (sealed).") var justification: String
    @Option(help: "YYYY-MM-DD, today by default.") var on: String?
    func body() -> JSONValue { ["ground": .string(ground), "personal": ["text": .string(justification)], "waivedOn": .string(on ?? today())] }
}
