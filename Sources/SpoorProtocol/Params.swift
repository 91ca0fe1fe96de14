/// The parameters of each method. Unknown fields are refused by the daemon, not ignored.

/// `case.command`: one domain command on one case.
public struct CommandParams: Codable, Equatable, Sendable {
    /// The case id, e.g. `2026-0042`.
    public var `case`: String
    /// The command, e.g. `record-signal` (see `Schemas/protocol/`).
    public var command: String
    /// The command's fields, as the event it records (without the ids the case assigns).
    public var body: JSONValue
    /// The role to act in; by default the first of the user's roles that may issue the command.
    public var role: String?
    /// A client-chosen UUID for the event: a retry with the same id returns the first reply.
    public var eventID: String?
    /// For a delegate (an integration's OS user) only: the user of the configuration it vouches
    /// for, in whose roles and care relationships the command is judged. The actor stays the delegate.
    public var onBehalfOf: String?

    /// The parameters of `command` on `caseID` with `body`; the daemon settles the role, the id and the actor when absent.
    public init(case caseID: String, command: String, body: JSONValue, role: String? = nil, eventID: String? = nil, onBehalfOf: String? = nil) {
        self.case = caseID
        self.command = command
        self.body = body
        self.role = role
        self.eventID = eventID
        self.onBehalfOf = onBehalfOf
    }
}

/// `case.list`: the cases the caller may read, in id order, a page at a time.
public struct CaseListParams: Codable, Equatable, Sendable {
    /// Only the cases of this unit.
    public var unit: String?
    /// Also the closed cases.
    public var closed: Bool?
    /// The page after this case id.
    public var after: String?
    /// At most this many (1 to 10000; 1000 by default).
    public var limit: Int?

    /// A page of cases, filtered by `unit` and `closed`, after `after`, at most `limit`.
    public init(unit: String? = nil, closed: Bool? = nil, after: String? = nil, limit: Int? = nil) {
        (self.unit, self.closed, self.after, self.limit) = (unit, closed, after, limit)
    }
}

/// `case.show`, `case.next`.
public struct CaseParams: Codable, Equatable, Sendable {
    /// The case id.
    public var `case`: String
    /// The day to judge deadlines on (`YYYY-MM-DD`), today by default.
    public var on: String?

    /// The parameters for `caseID`, judged on `on` (today when absent).
    public init(case caseID: String, on: String? = nil) {
        self.case = caseID
        self.on = on
    }
}

/// `case.show`.
public struct CaseShowParams: Codable, Equatable, Sendable {
    /// The case id.
    public var `case`: String
    /// Break the glass: read a case without a care relationship, recorded with `reason` and
    /// reviewed by the privacy officer.
    public var emergency: Bool?
    /// Why the glass is broken: required with `emergency`, recorded, shown to the privacy officer.
    public var reason: String?

    /// The parameters to show `caseID`; with `emergency`, on the `reason` given.
    public init(case caseID: String, emergency: Bool? = nil, reason: String? = nil) {
        self.case = caseID
        self.emergency = emergency
        self.reason = reason
    }
}

/// `subject.export`.
public struct SubjectExportParams: Codable, Equatable, Sendable {
    /// The case id of the youth whose data is exported.
    public var `case`: String
    /// The letter's language: `nl` (plain Dutch, B1; the default) or `en`.
    public var language: String?
    /// Who reads it: `youth` (the default) or `parent`, as the law gives each access.
    public var `for`: String?
    /// For a parent of a youth of 12 to 15: the privacy officer states that informing them does not go against good care.
    public var notAgainstGoodCare: Bool?
    /// For a parent: the youth agreed that they read it.
    public var youthConsented: Bool?
    /// The positions of staff notes the privacy officer read and releases: they name no one else.
    public var release: [UInt64]?

    /// An export of `caseID` in `language` for `reader`, with what a parent's reading needs and the notes released.
    public init(
        case caseID: String, language: String? = nil, for reader: String? = nil, notAgainstGoodCare: Bool? = nil,
        youthConsented: Bool? = nil, release: [UInt64]? = nil
    ) {
        (self.case, self.language, self.for) = (caseID, language, reader)
        (self.notAgainstGoodCare, self.youthConsented, self.release) = (notAgainstGoodCare, youthConsented, release)
    }
}

/// `access.review`.
public struct AccessReviewParams: Codable, Equatable, Sendable {
    /// The `emergency-access` event reviewed.
    public var event: String
    /// The privacy officer's finding.
    public var note: String

    /// The review of the emergency access `event`, with the officer's `note`.
    public init(event: String, note: String) {
        self.event = event
        self.note = note
    }
}

/// `registration.form`.
public struct RegistrationFormParams: Codable, Equatable, Sendable {
    /// The case id.
    public var `case`: String
    /// Which of the case's registrations, counting from 1; the last by default.
    public var registration: Int?

    /// The form of `caseID`'s `registration` (the last when absent).
    public init(case caseID: String, registration: Int? = nil) {
        self.case = caseID
        self.registration = registration
    }
}

/// `worklist`.
public struct WorklistParams: Codable, Equatable, Sendable {
    /// The day to judge deadlines on (`YYYY-MM-DD`), today by default.
    public var on: String?
    /// Only the items whose responsible role the caller holds.
    public var mine: Bool?
    /// Only the items of these units.
    public var units: [String]?
    /// The most items the reply lists, overdue first; its `total` counts them all.
    public var limit: Int?
    /// Only what is overdue (or waits with no deadline), not what is due later.
    public var overdue: Bool?

    /// The worklist on `on`, filtered by `mine`, `units` and `overdue`, at most `limit` items.
    public init(on: String? = nil, mine: Bool? = nil, units: [String]? = nil, limit: Int? = nil, overdue: Bool? = nil) {
        self.on = on
        self.mine = mine
        self.units = units
        self.limit = limit
        self.overdue = overdue
    }
}

/// `protocol.show`.
public struct ProtocolShowParams: Codable, Equatable, Sendable {
    /// The adopted version to show; the one in force by default.
    public var version: Int?

    /// The protocol of `version`; the one in force when absent.
    public init(version: Int? = nil) { self.version = version }
}

/// `audit.trace`.
public struct TraceParams: Codable, Equatable, Sendable {
    /// The case id.
    public var `case`: String
    /// The signal id whose path is traced.
    public var signal: String

    /// The trace of `signal` in `caseID`.
    public init(case caseID: String, signal: String) {
        self.case = caseID
        self.signal = signal
    }
}

/// `stats`.
public struct StatsParams: Codable, Equatable, Sendable {
    /// First and last day of the period (`YYYY-MM-DD`), inclusive; open-ended when absent.
    public var from: String?
    /// The last day of the period, inclusive.
    public var to: String?
    /// Dimensions to group by: `form`, `age-group`, `age` (at the first signal), `gender`, `nationality` (group),
    /// `country` (of nationality), `border` (domestic or cross-border), `region`, `unit`, `month`, `year`.
    public var by: [String]?

    /// The figures of `from` to `to`, grouped by `by`.
    public init(from: String? = nil, to: String? = nil, by: [String]? = nil) {
        self.from = from
        self.to = to
        self.by = by
    }
}

/// `events.tail`.
public struct TailParams: Codable, Equatable, Sendable {
    /// The first position to send; by default the last `limit` events.
    public var from: UInt64?
    /// The most events to send (1 to 1000; 100 by default).
    public var limit: Int?
    /// Keep the reply open and send events as they are committed.
    public var follow: Bool?

    /// The events from `from`, at most `limit`; with `follow`, the reply stays open for new ones.
    public init(from: UInt64? = nil, limit: Int? = nil, follow: Bool? = nil) {
        self.from = from
        self.limit = limit
        self.follow = follow
    }
}

/// `audit.prove`.
public struct ProveParams: Codable, Equatable, Sendable {
    /// The event's position.
    public var position: UInt64
    /// The tree to prove against, the size of a checkpoint the auditor holds; the whole log by default.
    public var treeSize: UInt64?

    /// The proof of the event at `position` in the tree of `treeSize` events (the whole log when absent).
    public init(position: UInt64, treeSize: UInt64? = nil) {
        self.position = position
        self.treeSize = treeSize
    }
}

/// `audit.consistency`.
public struct ConsistencyParams: Codable, Equatable, Sendable {
    /// The earlier tree size.
    public var from: UInt64
    /// The later tree size; the whole log by default.
    public var to: UInt64?

    /// The proof that the tree of `from` events is a prefix of the one of `to` (the whole log when absent).
    public init(from: UInt64, to: UInt64? = nil) {
        self.from = from
        self.to = to
    }
}

/// `retention.due`, `retention.apply`.
public struct RetentionParams: Codable, Equatable, Sendable {
    /// The day to judge the retention period on, today by default.
    public var on: String?
    /// For `retention.apply`: erase for real; without it, only say what would be erased.
    public var confirm: Bool?

    /// The retention due on `on`; with `confirm`, erased.
    public init(on: String? = nil, confirm: Bool? = nil) {
        self.on = on
        self.confirm = confirm
    }
}

/// `keys.rotate`.
public struct RotateParams: Codable, Equatable, Sendable {
    /// A file the daemon can read holding the new master key (32 bytes, raw or base64).
    public var newKeyPath: String

    /// A rotation to the key in the file at `newKeyPath`.
    public init(newKeyPath: String) { self.newKeyPath = newKeyPath }
}

/// What a checkpoint witness found (`audit.witnessed`): the checkpoint it took and kept, and
/// whether the log it signs extends the one the witness kept before.
public struct WitnessedParams: Codable, Equatable, Sendable {
    /// The size of the checkpoint the witness took and kept.
    public var treeSize: UInt64
    /// The tree's root, hex.
    public var root: String
    /// The size of the checkpoint the witness held before; `nil` for its first.
    public var previousSize: UInt64?
    /// Whether the new checkpoint's log extends the one the witness held before.
    public var consistent: Bool

    /// What the witness found: the checkpoint of `treeSize` events at `root`, against the one of `previousSize`.
    public init(treeSize: UInt64, root: String, previousSize: UInt64?, consistent: Bool) {
        (self.treeSize, self.root, self.previousSize, self.consistent) = (treeSize, root, previousSize, consistent)
    }
}

/// A witness's cosignature of one of the log's checkpoints (`audit.cosigned`), as the relay got it
/// from the witness's `add-checkpoint`: the checkpoint it sent, and the signature lines returned.
public struct CosignedParams: Codable, Equatable, Sendable {
    /// The checkpoint as the log signed it (a C2SP signed note).
    public var checkpoint: String
    /// The witness's response body: one or more note signature lines (c2sp.org/tlog-cosignature).
    public var cosignature: String

    /// The witness's `cosignature` lines over `checkpoint`.
    public init(checkpoint: String, cosignature: String) { (self.checkpoint, self.cosignature) = (checkpoint, cosignature) }
}

/// `backup`: a consistent copy of the store, optionally verified, with the oldest copies pruned.
public struct BackupParams: Codable, Equatable, Sendable {
    /// An absolute path the daemon may write, new or an empty folder; with `keep`, the folder the
    /// copies are kept in, each in a new `spoor-<UTC time>` folder of its own.
    public var path: String
    /// Open the copy as a store and verify its chain, its tree, its master key and the last
    /// witnessed checkpoint against it; a copy that fails is reported as an error.
    public var verify: Bool?
    /// Keep only the newest `keep` copies in `path`, once this one is written (and verified, when asked).
    public var keep: Int?

    /// A backup to `path`; with `verify`, checked; with `keep`, the newest `keep` copies kept.
    public init(path: String, verify: Bool? = nil, keep: Int? = nil) { (self.path, self.verify, self.keep) = (path, verify, keep) }
}

extension CommandParams {
    /// Reads the parameters straight from a request's JSON: the body stays as parsed, without a
    /// `Codable` pass over it, the hot path of every command. Unknown parameters are refused.
    public init(json: JSONValue) throws(WireError) {
        guard let object = json.object else { throw WireError(.badRequest, "the parameters must be an object", field: "params") }
        if let unknown = object.keys.sorted().first(where: { !["case", "command", "body", "role", "eventID", "onBehalfOf"].contains($0) }) {
            throw WireError(.badRequest, "case.command has no parameter \"\(unknown)\"", field: unknown)
        }
        func text(_ key: String) throws(WireError) -> String? {
            guard let value = object[key], value != .null else { return nil }
            guard let text = value.string else { throw WireError(.badRequest, "\"\(key)\" must be a string", field: key) }
            return text
        }
        guard let caseID = try text("case") else { throw WireError(.badRequest, "\"case\" is missing", field: "case") }
        guard let command = try text("command") else { throw WireError(.badRequest, "\"command\" is missing", field: "command") }
        guard let body = object["body"], body.object != nil else {
            throw WireError(.badRequest, "\"body\" must be an object with the command's fields", field: "body")
        }
        self.init(
            case: caseID, command: command, body: body, role: try text("role"), eventID: try text("eventID"), onBehalfOf: try text("onBehalfOf"))
    }
}

/// The parameters of a method that takes none: an empty object, so that a parameter it does not
/// have is refused rather than ignored.
public struct EmptyParams: Codable, Equatable, Sendable {
    /// The empty parameters.
    public init() {}
}
