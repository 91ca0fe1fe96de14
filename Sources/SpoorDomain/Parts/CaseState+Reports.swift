extension CaseState {
    /// The case's reports to Veilig Thuis in the order they were made, kept in chunks (``Chunked``).
    public struct Reports: Sendable, Equatable {
        public private(set) var all = Chunked<Report>()

        public init() {}
        public init(_ all: Chunked<Report>) { self.all = all }

        public var count: Int { all.count }
        public var isEmpty: Bool { all.isEmpty }

        public subscript(id: String) -> Report? { all.index(of: id).map { all[$0] } }

        mutating func append(_ report: Report) { all.append(report) }

        /// Changes the report `id`, if the case has it.
        mutating func update(_ id: String, _ body: (inout Report) -> Void) {
            guard let index = all.index(of: id) else { return }
            all.update(at: index, body)
        }
    }
}

extension CaseState.Report: Numbered {
    static var idPrefix: String { "report" }
    var id: String { report.reportID }
}
