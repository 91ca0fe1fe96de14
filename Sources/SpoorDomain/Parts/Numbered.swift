/// An element named "<prefix>-<n>", the n-th of its kind in its case (signal-3, report-1): the
/// decider numbers them so, which makes finding one by id a division, not a search.
protocol Numbered {
    static var idPrefix: String { get }
    var id: String { get }
}

extension Chunked where Element: Numbered {
    /// Where the element `id` is: at n - 1 for "<prefix>-<n>", checked against the element; a
    /// search for an id of another form (none is made, but the log is not trusted to hold none).
    func index(of id: String) -> Int? {
        let prefix = Element.idPrefix + "-"
        if id.hasPrefix(prefix), let n = Int(id.dropFirst(prefix.count)), n >= 1, n <= count, self[n - 1].id == id { return n - 1 }
        return firstIndex { $0.id == id }
    }
}
