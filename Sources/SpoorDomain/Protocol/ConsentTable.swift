/// Whose explicit consent an identifiable CoMensha registration needs, by the youth's age on the
/// day: one row per age band, each with its legal source. The research report (§6.1) puts it as
/// "uitdrukkelijke toestemming … van de jongere, ouder(s) en/of voogd(en), afhankelijk van de
/// leeftijdsgrens van 16 jaar"; what governs is professional secrecy (beroepsgeheim, §6.2).
/// Data, not code: an institution's jurist may change it in the protocol file.
public struct ConsentTable: Codable, Sendable, Equatable {
    /// Who must consent: the youth, and the legal representatives (parent(s) or guardian with
    /// authority; each one that is asked counts, and any one's refusal blocks).
    public enum Side: String, Codable, Sendable, Equatable, CaseIterable {
        case youth
        case representatives = "parents-or-guardian"

        func includes(_ party: ConsentParty) -> Bool { self == .youth ? party == .youth : party.isRepresentative }

        /// `sides` in words, as a refusal or a next step names them.
        static func who(_ sides: [Side]) -> String {
            sides.map { $0 == .youth ? "the youth" : "the parents or guardian with authority" }.joined(separator: " and ")
        }
    }

    public struct Row: Codable, Sendable, Equatable {
        public var ages: ClosedRange<Int>
        public var requires: [Side]
        /// The law and the reading of it that the row follows.
        public var source: String

        public init(ages: ClosedRange<Int>, requires: [Side], source: String) {
            self.ages = ages
            self.requires = requires
            self.source = source
        }

        /// Whether `party` is one whose consent this row asks for.
        public func entitles(_ party: ConsentParty) -> Bool { requires.contains { $0.includes(party) } }

        /// Who consents, in words: "the youth and the parents or guardian with authority".
        public var who: String { Side.who(requires) }

        /// `{"ages": {"from": 12, "through": 15}, "requires": [...], "source": "..."}`
        struct Ages: Codable {
            var from: Int
            var through: Int
        }

        enum CodingKeys: String, CodingKey { case ages, requires, source }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let ages = try container.decode(Ages.self, forKey: .ages)
            guard ages.from <= ages.through else {
                throw DecodingError.dataCorruptedError(forKey: .ages, in: container, debugDescription: "from \(ages.from) lies after through \(ages.through)")
            }
            self.ages = ages.from...ages.through
            requires = try container.decode([Side].self, forKey: .requires)
            source = try container.decode(String.self, forKey: .source)
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(Ages(from: ages.lowerBound, through: ages.upperBound), forKey: .ages)
            try container.encode(requires, forKey: .requires)
            try container.encode(source, forKey: .source)
        }
    }

    public var rows: [Row]

    public init(rows: [Row]) { self.rows = rows }

    /// The row for a youth of `age`, or `nil` when the table has none.
    public func row(forAge age: Int) -> Row? { rows.first { $0.ages.contains(age) } }

    public init(from decoder: any Decoder) throws { rows = try decoder.singleValueContainer().decode([Row].self) }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rows)
    }
}
