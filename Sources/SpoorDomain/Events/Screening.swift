import SpoorJSON
/// The youth was screened for signs of exploitation, as the research asks "bij elke intake … een
/// standaard onderwerp": with or without a finding, so that signal rates per unit mean something.
public struct ScreeningRecorded: Codable, Sendable, Equatable {
    public enum Outcome: String, Codable, Sendable, CaseIterable, NamedValues {
        case noSigns = "no-signs"
        /// Signs were found; each is recorded as a signal of its own.
        case signsFound = "signs-found"
    }

    public var screenedOn: Day
    public var outcome: Outcome
    /// The catalogue's risk instrument used, if any.
    public var instrument: String?
}
