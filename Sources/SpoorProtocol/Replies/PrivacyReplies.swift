/// One read or export of a case's personal content, as the `system` stream recorded it.
public struct AccessEntry: Codable, Sendable, Equatable {
    /// The position of the `system` event that recorded the read.
    public var position: UInt64
    /// The event's kind (`personal-content-read`, `emergency-access`, `subject-exported`).
    public var event: String
    /// When it was recorded, UTC (ISO 8601).
    public var recordedAt: String
    /// Who read: the OS user.
    public var actor: String
    /// In which role.
    public var role: String
    /// The method that read, or the kind of read.
    public var what: String
    /// The ground it was read on: a care relationship, an emergency, subject access.
    public var ground: String
    /// An emergency read's reason: open to the privacy officer, sealed to others.
    public var reason: String?

    /// The read recorded at `position`.
    public init(position: UInt64, event: String, recordedAt: String, actor: String, role: String, what: String, ground: String, reason: String?) {
        (self.position, self.event, self.recordedAt, self.actor, self.role) = (position, event, recordedAt, actor, role)
        (self.what, self.ground, self.reason) = (what, ground, reason)
    }
}

/// The reply to `access.log`: every read of a case's personal content.
public struct AccessLogReply: Codable, Sendable, Equatable {
    /// The case id.
    public var `case`: String
    /// Every read, in the log's order.
    public var entries: [AccessEntry]
    /// The reads of `case`.
    public init(case: String, entries: [AccessEntry]) { (self.case, self.entries) = (`case`, entries) }
}

/// A case past its retention period, or held past it.
public struct RetainedCase: Codable, Sendable, Equatable {
    /// The case id.
    public var `case`: String
    /// The day the case last changed: where its retention period starts.
    public var lastChangedOn: String
    /// A legal hold's reason, while it holds.
    public var heldFor: String?
    /// The day the hold ends, if it says.
    public var heldUntil: String?

    /// The case `case`, last changed on `lastChangedOn`, with its hold if any.
    public init(case: String, lastChangedOn: String, heldFor: String? = nil, heldUntil: String? = nil) {
        (self.case, self.lastChangedOn, self.heldFor, self.heldUntil) = (`case`, lastChangedOn, heldFor, heldUntil)
    }
}

/// The reply to `retention.due`: the cases past retention on a day, and those a legal hold keeps.
public struct RetentionDueReply: Codable, Sendable, Equatable {
    /// The day judged on.
    public var on: String
    /// The retention period, in years, of the protocol in force.
    public var retentionYears: Int
    /// The cases past it.
    public var cases: [RetainedCase]
    /// The cases past it that a legal hold keeps.
    public var held: [RetainedCase]

    /// The cases past `retentionYears` on `on`, and those held.
    public init(on: String, retentionYears: Int, cases: [RetainedCase], held: [RetainedCase]) {
        (self.on, self.retentionYears, self.cases, self.held) = (on, retentionYears, cases, held)
    }
}

/// The reply to `retention.apply`: on a dry run the cases it would erase, else the cases erased.
public struct RetentionApplyReply: Codable, Sendable, Equatable {
    /// Whether nothing was erased: only said what would be.
    public var dryRun: Bool
    /// The day judged on.
    public var on: String
    /// On a dry run, the cases that would be erased.
    public var cases: [RetainedCase]?
    /// The cases erased.
    public var erased: [String]?

    /// A dry run's reply: what would be erased on `on`.
    public static func dryRun(on: String, cases: [RetainedCase]) -> Self { Self(dryRun: true, on: on, cases: cases, erased: nil) }
    /// The reply after erasing `erased` on `on`.
    public static func erased(on: String, _ erased: [String]) -> Self { Self(dryRun: false, on: on, cases: nil, erased: erased) }
}

/// The reply to `registration.form`: the registration to submit to CoMensha, as a form file and
/// as a document to read.
public struct RegistrationFormReply: Codable, Sendable, Equatable {
    /// The form, as CoMensha receives it.
    public var form: JSONValue
    /// The form as a document to read (Markdown).
    public var document: String
    /// The reply holding `form` and its `document`.
    public init(form: JSONValue, document: String) { (self.form, self.document) = (form, document) }
}

/// The reply to `subject.export`: the whole case, opened, for the youth or the parents (inzage).
public struct SubjectExportReply: Codable, Sendable, Equatable {
    /// The case, personal content opened for the reader.
    public var `case`: CaseReply
    /// Every event of the case, personal content opened.
    public var events: [EventRecord]
    /// The case as a Markdown document for the youth or parents.
    public var document: String
    /// Every read of the case's personal content so far.
    public var accessLog: [AccessEntry]
    /// Who it is for, youth or parent, and the article that gives them access.
    public var `for`: String
    /// The article of law that gives the reader access.
    public var ground: String
    /// The positions of the staff notes left out: they may name other people.
    public var withheld: [UInt64]

    /// The export of `case` for `reader`, with what was withheld.
    public init(
        case: CaseReply, events: [EventRecord], document: String, accessLog: [AccessEntry], for reader: String, ground: String,
        withheld: [UInt64]
    ) {
        (self.case, self.events, self.document, self.accessLog) = (`case`, events, document, accessLog)
        (self.for, self.ground, self.withheld) = (reader, ground, withheld)
    }
}
