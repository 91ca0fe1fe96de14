/// Who may read a youth's file (inzage, a copy), by the youth's age, as the WGBO gives it:
/// - the youth, from 12 (BW art. 7:465 lid 1: below 12 the parents exercise the youth's rights);
/// - a parent with authority, for a youth under 12 (art. 7:465 lid 1); from 12 to 15, unless
///   informing the parents goes against the care a good care provider gives (art. 7:465 with 7:453,
///   goed hulpverlenerschap), which the privacy officer states; from 16 only with the youth's
///   consent (art. 7:457 lid 1: to anyone else, the parents included).
/// A protocol may narrow the parents' access (`access.parentsNeedConsentFrom`, at most 16), never
/// widen it. Notes the staff wrote may name other people, whose privacy the law protects too
/// (art. 7:457 lid 1, AVG art. 15 lid 4): they are withheld unless the privacy officer, having read
/// them, releases them one by one.
public enum SubjectAccess {
    public enum Reader: String, Sendable, CaseIterable {
        case youth, parent
    }

    /// What the privacy officer states for the export, on the record.
    public struct Statement: Sendable, Equatable {
        /// For a parent of a youth of 12 to 15: informing them does not go against good care.
        public var notAgainstGoodCare: Bool
        /// For a parent of a youth the law lets decide alone: the youth agreed.
        public var youthConsented: Bool

        public init(notAgainstGoodCare: Bool = false, youthConsented: Bool = false) {
            (self.notAgainstGoodCare, self.youthConsented) = (notAgainstGoodCare, youthConsented)
        }
    }

    /// From this age the parents read the file only with the youth's consent, unless a protocol narrows it.
    public static let lawsConsentAge = 16

    /// The article an export for `reader` of a youth of `age` rests on; throws where it is not allowed.
    public static func ground(for reader: Reader, age: Int, statement: Statement, parentsNeedConsentFrom: Int? = nil) throws(DomainError) -> String {
        let consentAge = min(parentsNeedConsentFrom ?? lawsConsentAge, lawsConsentAge)
        switch reader {
        case .youth:
            guard age >= 12 else {
                throw .ruleViolated(
                    rule: "BW art. 7:465 lid 1",
                    reason: "the youth is \(age): below 12 the parents exercise the youth's rights; export for the parent")
            }
            return "BW art. 7:456 (the youth's own file)"
        case .parent where age < 12:
            return "BW art. 7:465 lid 1 (the parents exercise the rights of a youth under 12)"
        case .parent where age < consentAge:
            guard statement.notAgainstGoodCare || statement.youthConsented else {
                throw .ruleViolated(
                    rule: "BW art. 7:465 with 7:453",
                    reason:
                        """
                        the youth is \(age): the parents read the file unless that goes against good care; state that it does not, or that the \
                        youth agreed
                        """
                )
            }
            return statement.youthConsented
                ? "BW art. 7:457 lid 1 (the youth agreed)" : "BW art. 7:465 with 7:453 (informing the parents does not go against good care)"
        case .parent:
            guard statement.youthConsented else {
                let rule = consentAge < lawsConsentAge ? "the protocol's access.parentsNeedConsentFrom (\(consentAge))" : "BW art. 7:457 lid 1"
                throw .ruleViolated(rule: rule, reason: "the youth is \(age): the parents read the file only with the youth's consent")
            }
            return "BW art. 7:457 lid 1 (the youth agreed)"
        }
    }

    /// Where a note of staff is withheld: its free text may name other people.
    public static let withholdingSource = "BW art. 7:457 lid 1; AVG art. 15 lid 4 (the rights of others)"
}
