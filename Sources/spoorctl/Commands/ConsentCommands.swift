import ArgumentParser
import SpoorProtocol

struct ConsentGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consent",
        abstract:
            """
            Consent for an identifiable CoMensha registration, per party: below 12 the parents or guardian, 12 to 15 the youth and the parents or \
            guardian, from 16 the youth.
            """,
        subcommands: [
            RecordAuthority.self, RequestConsent.self, GiveConsent.self, RefuseConsent.self, WithdrawConsent.self, WaiverGroup.self,
            OverrideGroup.self,
        ])
}

struct RecordAuthority: CaseCommandLine {
    static let configuration = CommandConfiguration(
        commandName: "authority",
        abstract: "Record who holds parental authority (gezag): only they answer for the youth beside the youth.",
        discussion:
            """
            Both parents (--holder parent --holder other-parent), one of them, a guardian (--holder guardian) or a certified institution \
            (--holder certified-institution); a guardian or an institution excludes the parents.
            """
    )
    static let wireName = "record-authority"
    @OptionGroup var target: CaseTarget
    @Option(help: "parent, other-parent, guardian or certified-institution; repeat for both parents.") var holder: [String]
    @Option(help: "How it is known: a court decision, the register of authority (sealed).") var note: String?
    @OptionGroup var day: DayOption
    func body() -> JSONValue {
        .fields(["holders": .array(holder.map(JSONValue.string)), "personal": .note(note), "recordedOn": .string(day.value)])
    }
}

struct RequestConsent: CaseCommandLine {
    static let configuration = CommandConfiguration(commandName: "request", abstract: "Record that consent was asked.")
    static let wireName = "request-consent"
    @OptionGroup var target: CaseTarget
    @Option(help: "youth, parent, other-parent, guardian or certified-institution.") var from: String
    @Option(help: "What the consent is asked for: statistics or care-coordination; repeat for both.") var purpose: [String] = []
    @Option(help: "Write the information letter that goes with the question to this file (Dutch, plain language).")
    var letterOut: String?
    @OptionGroup var day: DayOption
    func body() -> JSONValue {
        .fields(["from": .string(from), "requestedOn": .string(day.value), "purposes": purpose.isEmpty ? nil : .array(purpose.map(JSONValue.string))])
    }

    func afterRecording(_ client: SocketClient) throws {
        guard let letterOut else { return }
        let letter = ConsentLetter(to: from, purposes: purpose.isEmpty ? ["statistics"] : purpose).text
        try AtomicFile.write(Array(letter.utf8), to: letterOut)
    }
}

struct GiveConsent: CaseCommandLine {
    static let configuration = CommandConfiguration(commandName: "give", abstract: "Record that consent was given.")
    static let wireName = "give-consent"
    @OptionGroup var target: CaseTarget
    @Option(help: "youth, parent, other-parent, guardian or certified-institution.") var by: String
    @Option(help: "How it was made explicit: written, or spoken (and recorded by you).") var form: String
    @Option(help: "What the consent is for: statistics or care-coordination; repeat for both.") var purpose: [String] = []
    @OptionGroup var day: DayOption
    func body() -> JSONValue {
        ["by": .string(by), "form": .string(form), "givenOn": .string(day.value), "purposes": .array(purpose.map(JSONValue.string))]
    }
}

struct RefuseConsent: CaseCommandLine {
    static let configuration = CommandConfiguration(commandName: "refuse", abstract: "Record that consent was refused.")
    static let wireName = "refuse-consent"
    @OptionGroup var target: CaseTarget
    @Option(help: "youth, parent, other-parent, guardian or certified-institution.") var by: String
    @OptionGroup var day: DayOption
    func body() -> JSONValue { ["by": .string(by), "refusedOn": .string(day.value)] }
}

struct WithdrawConsent: CaseCommandLine {
    static let configuration = CommandConfiguration(commandName: "withdraw", abstract: "Record that consent was withdrawn.")
    static let wireName = "withdraw-consent"
    @OptionGroup var target: CaseTarget
    @Option(help: "youth, parent, other-parent, guardian or certified-institution.") var by: String
    @OptionGroup var day: DayOption
    func body() -> JSONValue { ["by": .string(by), "withdrawnOn": .string(day.value)] }
}

struct OverrideGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "override",
        abstract:
            """
            A youth of 12 to 15 registered with its own consent against the parents' refusal (BW art. 7:450 lid 2, by analogy), where the \
            protocol allows it.
            """,
        subcommands: [RequestOverride.self, DecideOverride.self])
}

struct RequestOverride: CaseCommandLine {
    static let configuration = CommandConfiguration(
        commandName: "request", abstract: "Ask that the youth's consent count, with the ground and the article.")
    static let wireName = "request-parental-override"
    @OptionGroup var target: CaseTarget
    @Option(help: "serious-harm (clearly needed to prevent serious harm) or youth-persists (the youth still wants it after the refusal).")
    var ground: String
    @Option(help: "The article the institution's jurist relies on.") var article: String
    @Option(help: "Why, case by case (sealed).") var justification: String
    @OptionGroup var day: DayOption
    func body() -> JSONValue {
        .fields(["ground": .string(ground), "article": .string(article), "personal": .note(justification), "requestedOn": .string(day.value)])
    }
}

struct DecideOverride: CaseCommandLine {
    static let configuration = CommandConfiguration(commandName: "decide", abstract: "Decide it, as a behavioural scientist who did not ask.")
    static let wireName = "override-parental-refusal"
    @OptionGroup var target: CaseTarget
    @Option(help: "The ground of the request.") var ground: String
    @Option(help: "A note (sealed).") var note: String?
    @OptionGroup var day: DayOption
    func body() -> JSONValue { .fields(["ground": .string(ground), "personal": .note(note), "decidedOn": .string(day.value)]) }
}

struct WaiverGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "waiver",
        abstract: "An identifiable registration without consent: requested by one person, approved by a behavioural scientist who did not ask.",
        subcommands: [RequestWaiver.self, ApproveWaiver.self])
}

struct RequestWaiver: CaseCommandLine {
    static let configuration = CommandConfiguration(commandName: "request", abstract: "Ask for a waiver of consent, with the ground and why.")
    static let wireName = "request-waiver"
    @OptionGroup var target: CaseTarget
    @Option(help: "unable-to-consent (BW art. 7:458 lid 1 sub a); cannot-reasonably-be-asked is refused: register non-identifiably.") var ground:
        String
    @Option(help: "For cannot-reasonably-be-asked: psychological-harm, danger or loss-of-contact.") var harm: String?
    @Option(help: "The justification, case by case (sealed).") var justification: String
    @OptionGroup var day: DayOption
    func body() -> JSONValue {
        .fields([
            "ground": .string(ground), "harm": harm.map(JSONValue.string), "personal": .note(justification),
            "requestedOn": .string(day.value),
        ])
    }
}

struct ApproveWaiver: CaseCommandLine {
    static let configuration = CommandConfiguration(
        commandName: "approve", abstract: "Approve the requested waiver (a behavioural scientist other than the requester).")
    static let wireName = "waive-consent"
    @OptionGroup var target: CaseTarget
    @Option(help: "The ground of the request being approved.") var ground: String
    @Option(help: "Your note (sealed).") var note: String?
    @OptionGroup var day: DayOption
    func body() -> JSONValue { .fields(["ground": .string(ground), "personal": .note(note), "waivedOn": .string(day.value)]) }
}
