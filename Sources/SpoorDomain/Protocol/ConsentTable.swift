import SpoorJSON
/// Whose explicit consent an identifiable CoMensha registration needs, by the youth's age on the
/// day: one row per age band, each with its legal source. The research report (§6.1) puts it as
/// "uitdrukkelijke toestemming … van de jongere, ouder(s) en/of voogd(en), afhankelijk van de
/// leeftijdsgrens van 16 jaar"; what governs is professional secrecy (beroepsgeheim, §6.2).
/// Data, not code: an institution's jurist may change it in the protocol file.
public struct ConsentTable: Codable, Sendable, Equatable {
    /// Who must consent: the youth, and the legal representatives (parent(s) or guardian with
    /// authority; each one that is asked counts, and any one's refusal blocks).
    public enum Side: String, Codable, Sendable, Equatable, CaseIterable, NamedValues {
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
        /// Where the row asks less than the legal floor (``ConsentTable/legalFloor(forAge:)``): the
        /// jurist's explicit override, with its source. `nil`: the row keeps the floor.
        public var overridesLegalFloor: String?

        public init(ages: ClosedRange<Int>, requires: [Side], source: String, overridesLegalFloor: String? = nil) {
            self.ages = ages
            self.requires = requires
            self.source = source
            self.overridesLegalFloor = overridesLegalFloor
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

        enum CodingKeys: String, CodingKey { case ages, requires, source, overridesLegalFloor }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let ages = try container.decode(Ages.self, forKey: .ages)
            guard ages.from <= ages.through else {
                throw DecodingError.dataCorruptedError(
                    forKey: .ages, in: container, debugDescription: "from \(ages.from) lies after through \(ages.through)")
            }
            self.ages = ages.from...ages.through
            requires = try container.decode([Side].self, forKey: .requires)
            source = try container.decode(String.self, forKey: .source)
            overridesLegalFloor = try container.decodeIfPresent(String.self, forKey: .overridesLegalFloor)
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(Ages(from: ages.lowerBound, through: ages.upperBound), forKey: .ages)
            try container.encode(requires, forKey: .requires)
            try container.encode(source, forKey: .source)
            try container.encodeIfPresent(overridesLegalFloor, forKey: .overridesLegalFloor)
        }
    }

    public var rows: [Row]

    public init(rows: [Row]) { self.rows = rows }

    /// Whose consent the law asks at least, at `age`: under 12 the representatives (WGBO art.
    /// 7:465 lid 1), 12 to 15 the youth and the representatives (art. 7:450 lid 2), from 16 the
    /// youth (art. 7:447). A table that asks less is refused unless the row says why.
    public static func legalFloor(forAge age: Int) -> (sides: [Side], source: String) {
        switch age {
        case ..<12: ([.representatives], "WGBO art. 7:465 lid 1 BW: under 12 the parents or guardian with authority")
        case 12...15: ([.youth, .representatives], "WGBO art. 7:450 lid 2 BW: from 12 to 16 the youth and the parents or guardian with authority")
        default: ([.youth], "WGBO art. 7:447 BW: from 16 the youth")
        }
    }

    /// The row for a youth of `age`, or `nil` when the table has none.
    public func row(forAge age: Int) -> Row? { rows.first { $0.ages.contains(age) } }

    public init(from decoder: any Decoder) throws { rows = try decoder.singleValueContainer().decode([Row].self) }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rows)
    }
}
