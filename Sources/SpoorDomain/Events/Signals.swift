import SpoorJSON
/// Free text a professional writes: sealed personal content, erasable.
public struct Note: Codable, Sendable, Equatable {
    public var text: String
    public init(_ text: String) { self.text = text }
}

/// Meldcode step 1: a signal, recorded as fact, with interpretation kept apart.
public struct SignalRecorded: Codable, Sendable, Equatable {
    public enum Source: String, CaseIterable, NamedValues, Codable, Sendable {
        case ownObservation = "own-observation", reportedByOther = "reported-by-other"
    }
    public enum Nature: String, CaseIterable, NamedValues, Codable, Sendable { case gutFeeling = "gut-feeling", concrete }

    public var signalID: String
    public var observedOn: Day
    public var source: Source
    /// The role or party that reported it, when `source` is `reported-by-other`.
    public var reportedBy: String?
    public var formsOfExploitation: [String]
    public var indicators: [String]
    public var nature: Nature
    /// Whether the exploitation crosses a border (the slachtoffermonitor's "domestic or cross-border"); `nil`: not known.
    public var crossBorder: Bool?
    /// Sealed: what was seen.
    public var personal: Note?
}

public struct SignalRetracted: Codable, Sendable, Equatable {
    public var signalID: String
    public var retractedOn: Day
    /// Sealed: why.
    public var personal: Note?
}

public struct SignalCorrected: Codable, Sendable, Equatable {
    public var signalID: String
    public var correctedOn: Day
    public var formsOfExploitation: [String]
    public var indicators: [String]
    /// Sealed: the corrected account.
    public var personal: Note?
}
