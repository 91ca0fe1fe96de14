import SpoorJSON

/// Why a protocol file is refused: every problem found, each at its path in the file.
public struct ProtocolError: Error, Equatable, CustomStringConvertible {
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        /// Dotted: `steps.report.within`, `consent.table.1.ages`.
        public var path: String
        public var message: String
        public var description: String { path.isEmpty ? message : "\(path): \(message)" }
    }

    public var problems: [Problem]
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

extension InstitutionProtocol {
    /// Reads a protocol strictly: an unknown key, a missing or mistyped field, or a rule that does
    /// not hold is refused, and every section's problems are named, not only the first.
    public init(json bytes: some Collection<UInt8>) throws(ProtocolError) {
        let value: JSONValue
        do { value = try JSONValue.parse(bytes) } catch {
            throw ProtocolError(problems: [.init(path: "", message: "is not JSON: \(error)")])
        }
        try self.init(json: value)
    }

    public init(json value: JSONValue) throws(ProtocolError) {
        guard case .object(let object) = value else {
            throw ProtocolError(problems: [.init(path: "", message: "a protocol is a JSON object")])
        }
        var problems = object.keys.filter { Self.sections[$0] == nil }.sorted().map {
            ProtocolError.Problem(
                path: $0, message: "is not a section of a protocol; the sections are \(Self.sections.keys.sorted().joined(separator: ", "))")
        }
        for (key, decode) in Self.sections.sorted(by: { $0.key < $1.key }) {
            guard let section = object[key] else {
                problems.append(.init(path: key, message: "is missing"))
                continue
            }
            if let problem = Self.problem(decoding: { try decode(section) }, at: key) { problems.append(problem) }
        }
        guard problems.isEmpty else { throw ProtocolError(problems: problems) }
        do {
            self = try JSONValueDecoder().decode(InstitutionProtocol.self, from: value)
        } catch {
            throw ProtocolError(problems: [Self.problem(decoding: { throw error }, at: "")!])
        }
        let found = check()
        guard found.isEmpty else { throw ProtocolError(problems: found) }
    }

    /// Each section decoded on its own, so that one bad section does not hide another's problems.
    private static let sections: [String: @Sendable (JSONValue) throws -> Void] = {
        func section<T: Decodable & SendableMetatype>(_: T.Type) -> @Sendable (JSONValue) throws -> Void {
            { _ = try JSONValueDecoder().decode(T.self, from: $0) }
        }
        return [
            "version": section(Int.self), "name": section(String.self), "source": section(String.self),
            "calendar": section(WorkingCalendar.self), "consent": section(ConsentProtocol.self),
            "steps": section(Steps.self), "catalogue": section(Catalogue.self),
            "retention": section(Retention.self), "statistics": section(StatisticsRules.self), "access": section(AccessRules.self),
        ]
    }()

    /// The decoding error of `body` as a problem at its path under `prefix`, or `nil`.
    private static func problem(decoding body: () throws -> Void, at prefix: String) -> ProtocolError.Problem? {
        func path(_ codingPath: [any CodingKey], _ key: (any CodingKey)? = nil) -> String {
            ([prefix] + (codingPath + (key.map { [$0] } ?? [])).map(\.stringValue)).filter { !$0.isEmpty }.joined(separator: ".")
        }
        do {
            try body()
            return nil
        } catch let unknown as JSONValueDecoder.UnknownKey {
            return .init(
                path: [prefix, unknown.path].filter { !$0.isEmpty }.joined(separator: "."),
                message: "is not a field here" + (NearMiss.suggestion(for: unknown.key, among: unknown.fields).map { "; did you mean \($0)?" } ?? ""))
        } catch let unknown as JSONValueDecoder.UnknownValue {
            return .init(path: [prefix, unknown.path].filter { !$0.isEmpty }.joined(separator: "."), message: NearMiss.unknown(unknown))
        } catch DecodingError.keyNotFound(let key, let context) {
            return .init(path: path(context.codingPath, key), message: "is missing")
        } catch DecodingError.typeMismatch(let type, let context) {
            return .init(path: path(context.codingPath), message: "has the wrong type: expected \(type)")
        } catch DecodingError.valueNotFound(let type, let context) {
            return .init(path: path(context.codingPath), message: "is null: expected \(type)")
        } catch DecodingError.dataCorrupted(let context) {
            return .init(path: path(context.codingPath), message: "is not valid: \(context.debugDescription)")
        } catch {
            return .init(path: prefix, message: "\(error)")
        }
    }
}
