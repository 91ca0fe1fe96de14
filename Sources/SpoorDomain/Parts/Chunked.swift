/// An ordered list kept in chunks of ``chunkSize``, each shared between copies of the list until
/// one of them changes it: a copy costs a reference per chunk, a change copies one chunk at most,
/// and which chunks a change touched is found by identity (``chunks(changedSince:)``), not by
/// comparing elements. It is what lets a command on a case of a thousand signals read, seal and
/// write back only the chunk it changed (BENCHMARKS.md, "a command's cost and the case's size").
public struct Chunked<Element: Sendable>: Sendable {
    /// Elements per chunk: small enough that a changed chunk is cheap to copy, seal and write, large
    /// enough that a case of a few signals is one chunk.
    public static var chunkSize: Int { 64 }

    /// One chunk's elements. It is changed in place only while one list holds it
    /// (`isKnownUniquelyReferenced`), and copied first otherwise, so sharing it is safe.
    final class Chunk: @unchecked Sendable {
        var elements: [Element]
        init(_ elements: [Element]) { self.elements = elements }
    }

    private var storage: [Chunk] = []
    public private(set) var count = 0

    public init() {}

    public init(_ elements: some Sequence<Element>) {
        for element in elements { append(element) }
    }

    /// The list made of these chunks, each full but the last.
    public init(chunks: [[Element]]) throws(BinaryFormError) {
        for (index, chunk) in chunks.enumerated() {
            let isLast = index == chunks.count - 1
            guard isLast ? (1...Self.chunkSize).contains(chunk.count) : chunk.count == Self.chunkSize else {
                throw BinaryFormError("chunk \(index) of \(chunks.count) holds \(chunk.count) elements")
            }
            storage.append(Chunk(chunk))
            count += chunk.count
        }
    }

    public var chunkCount: Int { storage.count }

    /// The elements of chunk `index`.
    public func chunk(_ index: Int) -> [Element] { storage[index].elements }

    /// The indices of the chunks that are not shared with `earlier`: those changed or added since
    /// this list was a copy of it.
    public func chunks(changedSince earlier: Chunked) -> [Int] {
        storage.indices.filter { $0 >= earlier.storage.count || storage[$0] !== earlier.storage[$0] }
    }

    public mutating func append(_ element: Element) {
        if count % Self.chunkSize == 0 {
            storage.append(Chunk([element]))
        } else {
            uniqueChunk(storage.count - 1).elements.append(element)
        }
        count += 1
    }

    /// Changes the element at `index` in place, copying its chunk first when another list shares it.
    public mutating func update<T>(at index: Int, _ body: (inout Element) throws -> T) rethrows -> T {
        try body(&uniqueChunk(index / Self.chunkSize).elements[index % Self.chunkSize])
    }

    private mutating func uniqueChunk(_ index: Int) -> Chunk {
        if !isKnownUniquelyReferenced(&storage[index]) { storage[index] = Chunk(storage[index].elements) }
        return storage[index]
    }
}

extension Chunked: RandomAccessCollection {
    public var startIndex: Int { 0 }
    public var endIndex: Int { count }
    public subscript(index: Int) -> Element { storage[index / Self.chunkSize].elements[index % Self.chunkSize] }
}

extension Chunked: Equatable where Element: Equatable {
    public static func == (lhs: Chunked, rhs: Chunked) -> Bool {
        lhs.count == rhs.count && zip(lhs.storage, rhs.storage).allSatisfy { $0 === $1 || $0.elements == $1.elements }
    }
}
