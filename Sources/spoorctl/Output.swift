import Foundation
import SpoorProtocol

/// Turning replies into text for people.
enum Output {
    /// Writes `text` to `path`, readable by its owner alone: what it holds is personal data.
    static func writePrivate(_ text: String, to path: String) throws {
        try AtomicFile.write(Array(text.utf8), to: path, mode: 0o600)
    }

    static func json(_ value: JSONValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }

    /// One JSON line, for streams that scripts read line by line.
    static func line(_ value: JSONValue) -> String { String(decoding: value.serialized, as: UTF8.self) }

    /// A value as a table cell.
    static func text(_ value: JSONValue?) -> String {
        switch value {
        case nil, .null?: "-"
        case .string(let text)?: text
        case .number(let number)?: number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .bool(let flag)?: flag ? "yes" : "no"
        case .array(let items)?: items.map { text($0) }.joined(separator: ", ")
        case .object?: line(value!)
        }
    }

    /// Columns padded to their widest cell, under a header.
    static func table(_ header: [String], _ rows: [[String]]) -> String {
        guard !rows.isEmpty else { return "(none)" }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func format(_ row: [String]) -> String {
            zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .trimmingCharacters(in: .whitespaces)
        }
        return ([format(header)] + rows.map(format)).joined(separator: "\n")
    }

    /// Comma-separated values with RFC 4180 quoting.
    static func csv(_ header: [String], _ rows: [[String]]) -> String {
        func quote(_ cell: String) -> String {
            cell.contains(where: { ",\"\n".contains($0) }) ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
        }
        return ([header] + rows).map { $0.map(quote).joined(separator: ",") }.joined(separator: "\n")
    }

    /// `key: value` lines.
    static func fields(_ pairs: [(String, String)]) -> String {
        let width = pairs.map(\.0.count).max() ?? 0
        return pairs.map { "\($0.0.padding(toLength: width, withPad: " ", startingAt: 0))  \($0.1)" }.joined(separator: "\n")
    }
}
