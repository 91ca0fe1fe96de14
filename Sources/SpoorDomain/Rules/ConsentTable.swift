/// Whose explicit consent an identifiable CoMensha registration needs, by the youth's age on the
/// day: one row per age band, each with its legal source. The research report (§6.1) puts it as
/// "uitdrukkelijke toestemming … van de jongere, ouder(s) en/of voogd(en), afhankelijk van de
/// leeftijdsgrens van 16 jaar"; what governs is professional secrecy (beroepsgeheim, §6.2).
/// Data, not code: an institution's jurist may change it, and the protocol file will hold it.
public struct ConsentTable: Sendable, Equatable {
    /// Who must consent: the youth, and the legal representatives (parent(s) or guardian with
    /// authority; each one that is asked counts, and any one's refusal blocks).
    public enum Side: String, Sendable, Equatable, CaseIterable {
        case youth
        case representatives = "parents-or-guardian"

        func includes(_ party: ConsentParty) -> Bool { self == .youth ? party == .youth : party.isRepresentative }

        /// `sides` in words, as a refusal or a next step names them.
        static func who(_ sides: [Side]) -> String {
            sides.map { $0 == .youth ? "the youth" : "the parents or guardian with authority" }.joined(separator: " and ")
        }
    }

    public struct Row: Sendable, Equatable {
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
    }

    public var rows: [Row]

    public init(rows: [Row]) { self.rows = rows }

    /// The row for a youth of `age`, or `nil` when the table has none.
    public func row(forAge age: Int) -> Row? { rows.first { $0.ages.contains(age) } }

    public static let standard = ConsentTable(rows: [
        Row(ages: 0...11, requires: [.representatives],
            source: "WGBO art. 7:465 lid 1 BW, Jeugdwet art. 7.3.11: below 12 the parents or guardian with authority consent for the youth"),
        Row(ages: 12...15, requires: [.youth, .representatives],
            source: "WGBO art. 7:450 lid 2 BW, Jeugdwet art. 7.3.11: from 12 to 16 the youth and the parents or guardian with authority both consent"),
        Row(ages: 16...Decider.maxYouthAge, requires: [.youth],
            source: "WGBO art. 7:447 BW, Jeugdwet art. 7.3.11: from 16 the youth consents alone"),
    ])
}
