extension CaseState {
    /// The case's signals in the order they were recorded, kept in chunks (``Chunked``), with the
    /// active ones counted by step as they change, so that the checks every command makes (is a
    /// signal active, is one weighed, is the meldcode open) do not walk them all.
    public struct Signals: Sendable, Equatable {
        public private(set) var all = Chunked<Signal>()
        /// The signals not retracted, by `Step.rawValue`.
        private var activeByStep = [Int](repeating: 0, count: Step.decided.rawValue + 1)

        public init() {}

        public init(_ all: Chunked<Signal>) {
            self.all = all
            for signal in all { count(signal, as: 1) }
        }

        public var count: Int { all.count }
        public var isEmpty: Bool { all.isEmpty }
        /// The signals not retracted.
        public var activeCount: Int { activeByStep.reduce(0, +) }
        public func activeCount(at step: Step) -> Int { activeByStep[step.rawValue] }
        /// Whether a signal not retracted waits for a meldcode step.
        public var anyUndecided: Bool { activeCount > activeCount(at: .decided) }

        /// The signals not retracted, in the order they were recorded: a walk of them all.
        public var active: [Signal] { all.filter { !$0.isRetracted } }

        public subscript(id: String) -> Signal? { all.index(of: id).map { all[$0] } }

        mutating func append(_ signal: Signal) {
            all.append(signal)
            count(signal, as: 1)
        }

        /// Changes the signal `id`, if the case has it.
        mutating func update(_ id: String, _ body: (inout Signal) -> Void) {
            guard let index = all.index(of: id) else { return }
            count(all[index], as: -1)
            all.update(at: index, body)
            count(all[index], as: 1)
        }

        private mutating func count(_ signal: Signal, as change: Int) {
            if !signal.isRetracted { activeByStep[signal.step.rawValue] += change }
        }
    }
}

extension CaseState.Signal: Numbered {
    static var idPrefix: String { "signal" }
    var id: String { recorded.signalID }
}
