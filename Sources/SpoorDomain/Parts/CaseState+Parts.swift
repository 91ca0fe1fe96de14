/// The state in parts, as the daemon stores it: a head (`CaseState+Binary.swift`) and each chunk of
/// each list on its own, so that a command rewrites the head and the chunks it changed, and a case
/// of a thousand signals costs a command what a case of ten does.
extension CaseState {
    /// A list the state keeps in chunks; the raw value names its parts in the store.
    public enum List: UInt8, CaseIterable, Sendable {
        case signals = 1, consultations, conversations, skippedConversations, weighings, reports, registrations, registeredElsewhere,
            declinedRegistrations, screenings
    }

    /// One chunk of one list: what the state is stored, sealed and rewritten by.
    public struct Part: Hashable, Sendable {
        public let list: List
        public let chunk: Int

        public init(_ list: List, chunk: Int) { (self.list, self.chunk) = (list, chunk) }
    }

    /// Every part of the state.
    public var parts: [Part] {
        List.allCases.flatMap { list in (0..<size(of: list).chunks).map { Part(list, chunk: $0) } }
    }

    /// The parts not shared with `earlier`, the state this one was folded from: those a command
    /// changed or added. Every part when there is no earlier state.
    public func parts(changedSince earlier: CaseState?) -> [Part] {
        guard let earlier else { return parts }
        return List.allCases.flatMap { list in
            size(of: list).chunks == 0 ? [] : stored(list).changedChunks(since: earlier.stored(list)).map { Part(list, chunk: $0) }
        }
    }

    /// The head: every field but the lists' elements.
    public func headBinary() -> [UInt8] {
        var writer = BinaryWriter()
        writeHead(to: &writer)
        return writer.bytes
    }

    /// The elements of one part.
    public func binary(of part: Part) -> [UInt8] { stored(part.list).binary(ofChunk: part.chunk) }

    /// The state from its head and its parts; a part missing, left over or damaged is an error.
    public init(head: some Collection<UInt8>, parts: [Part: [UInt8]]) throws(BinaryFormError) {
        var reader = BinaryReader(Array(head))
        let (state, lengths) = try Self.readHead(from: &reader)
        guard reader.isAtEnd else { throw BinaryFormError("\(reader.remaining) bytes after the head") }
        self = state
        var used = 0
        for list in List.allCases {
            let length = lengths[list] ?? 0
            guard (0...Int.max - Chunked<Signal>.chunkSize).contains(length) else { throw BinaryFormError("the \(list) has a length of \(length)") }
            let chunks = try (0..<(length + Chunked<Signal>.chunkSize - 1) / Chunked<Signal>.chunkSize).map { chunk throws(BinaryFormError) in
                guard let bytes = parts[Part(list, chunk: chunk)] else { throw BinaryFormError("part \(chunk) of the \(list) is missing") }
                return bytes
            }
            used += chunks.count
            try fill(list, length: length, from: chunks)
        }
        guard used == parts.count else { throw BinaryFormError("\(parts.count - used) parts the head does not name") }
    }

    func count(of list: List) -> Int { size(of: list).elements }

    /// Whether the state has `part`: a part a later command began is not in an earlier state.
    public func has(_ part: Part) -> Bool { part.chunk < size(of: part.list).chunks }

    /// The elements of all its lists: what its size in memory grows with.
    public var listedElements: Int { List.allCases.reduce(0) { $0 + count(of: $1) } }

    /// A list's elements and chunks, read without making it an `any StoredList`: the lookup of its
    /// conditional conformance, made for every list of every case a rebuild seals, was 3 % of the
    /// rebuild's CPU (`perf`, BENCHMARKS.md session 19).
    private func size(of list: List) -> (elements: Int, chunks: Int) {
        switch list {
        case .signals: (signals.all.count, signals.all.chunkCount)
        case .consultations: (consultations.count, consultations.chunkCount)
        case .conversations: (conversations.count, conversations.chunkCount)
        case .skippedConversations: (skippedConversations.count, skippedConversations.chunkCount)
        case .weighings: (weighings.count, weighings.chunkCount)
        case .reports: (reports.all.count, reports.all.chunkCount)
        case .registrations: (registrations.count, registrations.chunkCount)
        case .registeredElsewhere: (registeredElsewhere.count, registeredElsewhere.chunkCount)
        case .declinedRegistrations: (declinedRegistrations.count, declinedRegistrations.chunkCount)
        case .screenings: (screenings.count, screenings.chunkCount)
        }
    }

    private func stored(_ list: List) -> any StoredList {
        switch list {
        case .signals: signals.all
        case .consultations: consultations
        case .conversations: conversations
        case .skippedConversations: skippedConversations
        case .weighings: weighings
        case .reports: reports.all
        case .registrations: registrations
        case .registeredElsewhere: registeredElsewhere
        case .declinedRegistrations: declinedRegistrations
        case .screenings: screenings
        }
    }

    private mutating func fill(_ list: List, length: Int, from chunks: [[UInt8]]) throws(BinaryFormError) {
        switch list {
        case .signals: signals = Signals(try .init(length, chunks))
        case .consultations: consultations = try .init(length, chunks)
        case .conversations: conversations = try .init(length, chunks)
        case .skippedConversations: skippedConversations = try .init(length, chunks)
        case .weighings: weighings = try .init(length, chunks)
        case .reports: reports = Reports(try .init(length, chunks))
        case .registrations: registrations = try .init(length, chunks)
        case .registeredElsewhere: registeredElsewhere = try .init(length, chunks)
        case .declinedRegistrations: declinedRegistrations = try .init(length, chunks)
        case .screenings: screenings = try .init(length, chunks)
        }
    }
}

/// A list kept in chunks, as the state's parts store it.
private protocol StoredList {
    func changedChunks(since earlier: any StoredList) -> [Int]
    func binary(ofChunk index: Int) -> [UInt8]
}

extension Chunked: StoredList where Element: BinaryCodable {
    fileprivate func changedChunks(since earlier: any StoredList) -> [Int] {
        guard let earlier = earlier as? Self else { return Array(0..<chunkCount) }
        return chunks(changedSince: earlier)
    }

    fileprivate func binary(ofChunk index: Int) -> [UInt8] {
        var writer = BinaryWriter()
        writer.write(chunk(index))
        return writer.bytes
    }

    /// The list of `length` elements from its chunks' bytes.
    fileprivate init(_ length: Int, _ chunks: [[UInt8]]) throws(BinaryFormError) {
        try self.init(
            chunks: chunks.map { bytes throws(BinaryFormError) in
                var reader = BinaryReader(bytes)
                let elements: [Element] = try reader.read()
                guard reader.isAtEnd else { throw BinaryFormError("\(reader.remaining) bytes after a chunk") }
                return elements
            })
        guard count == length else { throw BinaryFormError("a list of \(count) elements where the head says \(length)") }
    }
}
