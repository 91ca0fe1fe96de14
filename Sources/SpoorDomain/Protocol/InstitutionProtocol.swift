import SpoorJSON
/// The institution's protocol: who does what by when, and under which rules, as versioned data
/// (`/etc/spoor/protocol.json`). The research's central finding is missing agreements: "Het is
/// voor hulpverleners niet duidelijk welke partij er verantwoordelijk is voor het doorzetten van
/// signalen en op welk moment dit gedaan dient te worden" (§6.4). The institution writes its own;
/// every case event records the version it was decided under, so the rules of any day can be told.
///
/// Every case event carries the protocol it was decided under, and the daemon's threads share the
/// one in force: a copy is one reference to immutable contents, not the retain of every string in
/// them (copying the whole value cost 1.25 µs on two cores at once, `spoor-bench codec`).
@dynamicMemberLookup
public struct InstitutionProtocol: Codable, Sendable, Equatable {
    public struct Contents: Codable, Sendable, Equatable {
        /// Raised with every change: an adopted version never changes its content.
        public var version: Int
        public var name: String
        /// Who agreed to it, or where it comes from.
        public var source: String
        public var calendar: WorkingCalendar
        public var consent: ConsentProtocol
        public var steps: Steps
        public var catalogue: Catalogue
        public var retention: Retention
        public var statistics: StatisticsRules
        public var access: AccessRules
        /// When a youth registered in another case counts again; `nil`: never (one youth, one count).
        public var registration: RegistrationRules?
    }

    public struct RegistrationRules: Codable, Sendable, Equatable {
        public var newEpisode: EpisodeRule?
    }

    /// A registration of a youth counts as a new episode this many days after the last one.
    public struct EpisodeRule: Codable, Sendable, Equatable {
        public var afterDays: Int
        public var source: String
    }

    private final class Box: Sendable {
        let contents: Contents
        init(_ contents: Contents) { self.contents = contents }
    }

    private var box: Box

    public init(_ contents: Contents) { box = Box(contents) }

    public subscript<T>(dynamicMember path: WritableKeyPath<Contents, T>) -> T {
        get { box.contents[keyPath: path] }
        set {
            var contents = box.contents
            contents[keyPath: path] = newValue
            box = Box(contents)
        }
    }

    public init(from decoder: any Decoder) throws { box = Box(try Contents(from: decoder)) }
    public func encode(to encoder: any Encoder) throws { try box.contents.encode(to: encoder) }
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.box === rhs.box || lhs.box.contents == rhs.box.contents }

    /// Whose consent a registration needs, and how a waiver stands in for it.
    public struct ConsentProtocol: Codable, Sendable, Equatable {
        public var table: ConsentTable
        public var waiver: WaiverRules
        /// Whether every holder of parental authority consents, or one suffices; `nil` in
        /// protocols written before: ``InstitutionProtocol/defaultHolders``.
        public var holders: HolderRule?

        /// The rule in force: the protocol's, or the default.
        public var holderRule: HolderRule { holders ?? InstitutionProtocol.defaultHolders }
        /// Whether a youth of 12 to 15 may be registered with its own consent against the parents'
        /// refusal (BW art. 7:450 lid 2, by analogy), with the jurist's source; `nil`: it may not.
        public var parentalOverride: OverrideRule?
    }

    public struct OverrideRule: Codable, Sendable, Equatable {
        public var source: String
    }

    /// How many of the holders of parental authority answer for the representatives' side.
    public struct HolderRule: Codable, Sendable, Equatable {
        public enum Consent: String, CaseIterable, NamedValues, Codable, Sendable { case everyHolder = "every-holder", oneHolder = "one-holder" }
        public var consent: Consent
        public var source: String
    }

    /// Where a protocol names no rule: every holder consents, as the parents who exercise
    /// authority together do for their child's treatment (BW art. 7:465 lid 1, read for sharing).
    public static let defaultHolders = HolderRule(
        consent: .everyHolder,
        source: "BW art. 7:465 lid 1, read for sharing: the parents who exercise authority consent; Spoor's default, every known holder")

    public struct WaiverRules: Codable, Sendable, Equatable {
        /// The role that approves a waiver, someone other than who asked for it.
        public var approvedBy: Role
        /// Days an approved waiver may be used for its one registration.
        public var validDays: Int
        /// Days before it lapses that an unused waiver shows on the worklist.
        public var remindDaysBefore: Int
        public var source: String
    }

    /// The meldcode's steps and the registration, each with its role and deadline.
    public struct Steps: Codable, Sendable, Equatable {
        /// Step 2, from the signal: consult a colleague or the attention officer.
        public var consult: StepRule
        /// Step 3, from the consultation: talk with the youth or the parents, or record why not.
        public var converse: StepRule
        /// Steps 4 and 5, from the conversation: weigh with the afwegingskader.
        public var weigh: StepRule
        /// From a weighing that decided to report: the report to Veilig Thuis.
        public var report: StepRule
        /// From the report: Veilig Thuis's feedback, chased by the responsible role.
        public var feedback: StepRule
        /// From the first event that calls for it: the registration at CoMensha.
        public var register: StepRule
        /// From the first signal: a risk assessment (risicotaxatie).
        public var assessRisk: StepRule
        /// From a weighing that decided on help, unless it agreed an evaluation date: evaluate the help.
        public var evaluateHelp: StepRule
        /// From a withdrawal of consent after an identifiable registration: tell CoMensha. `nil` in
        /// protocols written before: ``InstitutionProtocol/defaultWithdrawalNotice(after:)``.
        public var notifyWithdrawal: StepRule?
    }

    public enum StepKind: String, Codable, Sendable, CaseIterable, NamedValues {
        case consult, converse, weigh, report, feedback, register
        case assessRisk = "assess-risk"
        case evaluateHelp = "evaluate-help"
        /// From a request to erase the dossier: the erasure (``Retention/erasure``).
        case erase
        /// From a withdrawal of consent after an identifiable registration: tell CoMensha.
        case notifyWithdrawal = "notify-withdrawal"
    }

    /// One step: who takes it, by when, and what it needs before it.
    public struct StepRule: Codable, Sendable, Equatable {
        public var responsible: Role
        public var within: Period
        public var source: String
        /// `weigh` only: the role a weighing is recorded in, its sign-off; `nil`: any role that may weigh.
        public var signOffBy: Role?
        /// `report` only: every signal reported was weighed first, unless the report is acute.
        public var needsWeighingUnlessAcute: Bool?
        /// `weigh` only: `false` lets a weighing come before a consultation and a conversation
        /// (meldcode steps 2 and 3); `nil` or `true`: they come first, unless it is acute.
        public var needsStepsBefore: Bool?

        public init(responsible: Role, within: Period, source: String, signOffBy: Role? = nil, needsWeighingUnlessAcute: Bool? = nil) {
            self.responsible = responsible
            self.within = within
            self.source = source
            self.signOffBy = signOffBy
            self.needsWeighingUnlessAcute = needsWeighingUnlessAcute
        }
    }

    /// A deadline's length: calendar days or working days (`{"days": 7}`, `{"workingDays": 5}`).
    public struct Period: Codable, Sendable, Equatable, CustomStringConvertible {
        public var days: Int?
        public var workingDays: Int?

        public init(days: Int? = nil, workingDays: Int? = nil) {
            self.days = days
            self.workingDays = workingDays
        }

        public var description: String {
            if let workingDays { return "\(workingDays) working day\(workingDays == 1 ? "" : "s")" }
            return "\(days ?? 0) day\(days == 1 ? "" : "s")"
        }
    }

    public struct Retention: Codable, Sendable, Equatable {
        /// Years after a case's last change that its personal data must be erased.
        public var years: Int
        public var source: String
        /// A request to erase: who executes it, and within what period.
        public var erasure: StepRule
        /// Days before an erasure's deadline that the worklist reminds.
        public var remindDaysBefore: Int
        /// Why a dossier may be kept beyond its retention or a request to erase.
        public var holdReasons: [HoldReason]
    }

    public struct HoldReason: Codable, Sendable, Equatable {
        public var id: String
        public var label: String
        public var source: String
    }

    /// Need-to-know: how long a forward or a consultation lets the role it brings in read the case,
    /// and the units a role cares for whoever holds it (`"*"`: every unit), beside each user's own.
    public struct AccessRules: Codable, Sendable, Equatable {
        public var relationshipDays: Int
        public var unitsByRole: [String: [String]]
        public var source: String
        /// From this age the parents read the youth's file only with the youth's consent; `nil`: the
        /// law's 16 (``SubjectAccess``). A protocol may lower it, never raise it.
        public var parentsNeedConsentFrom: Int?
        /// Any care role may record a signal on a case it cannot read, and reads the case from then
        /// (a relationship of its own, on the record of the signal); `nil`: no.
        public var signalsWithoutGround: Bool?

        /// Whether one of `roles` cares for `unit` by the protocol.
        public func rolesCare(_ roles: some Sequence<Role>, for unit: String) -> Bool {
            roles.contains { role in unitsByRole[role.rawValue].map { $0.contains(unit) || $0.contains("*") } ?? false }
        }
    }

    public struct StatisticsRules: Codable, Sendable, Equatable {
        /// Figures below it show as "<N" to roles without care access.
        public var smallCellThreshold: Int
        public var source: String
    }

    /// The rule of `step`.
    public func rule(of step: StepKind) -> StepRule {
        switch step {
        case .consult: self.steps.consult
        case .converse: self.steps.converse
        case .weigh: self.steps.weigh
        case .report: self.steps.report
        case .feedback: self.steps.feedback
        case .register: self.steps.register
        case .assessRisk: self.steps.assessRisk
        case .evaluateHelp: self.steps.evaluateHelp
        case .erase: self.retention.erasure
        case .notifyWithdrawal: self.steps.notifyWithdrawal ?? Self.defaultWithdrawalNotice(after: self.steps.register)
        }
    }

    /// Telling CoMensha of a withdrawal, where the protocol names no rule of its own: the role that
    /// registers, within five working days.
    public static func defaultWithdrawalNotice(after register: StepRule) -> StepRule {
        StepRule(
            responsible: register.responsible, within: Period(workingDays: 5),
            source: """
                AVG art. 7(3), 17(1)(b) and 19: a withdrawal ends the ground, and the recipient of the data is told; \
                the registering role and five working days are Spoor's default where the protocol names none
                """)
    }

    /// The last day of `step` when it started on `day`.
    public func deadline(of step: StepKind, from day: Day) -> Day {
        self.calendar.deadline(rule(of: step).within, from: day)
    }
}
