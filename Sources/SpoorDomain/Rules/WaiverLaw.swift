/// What the statute allows without consent, which no protocol can widen: BW art. 7:458 lets a
/// care provider share data for statistics without consent only
/// - under lid 1 sub a, where asking is not reasonably possible (`unable-to-consent`), with
///   safeguards: the justification, case by case, and a second pair of eyes;
/// - under lid 1 sub b, where asking cannot reasonably be required, and then only in a form that
///   cannot be traced to the person: never for an identifiable registration;
/// - under lid 2, never where the person expressly objected;
/// - under lid 3, with a note in the file of each such disclosure (the registration's `basis`).
/// The research report (§6.2) names both grounds as routes to an identifiable registration; the
/// statute is stricter, and the statute wins.
enum WaiverLaw {
    static let statisticsOnly = "BW art. 7:458 lid 1 (research report §6.2: \"ten behoeve van statistiek\")"
    static let untraceableOnly = "BW art. 7:458 lid 1 sub b (stricter than research report §6.2)"
    static let untraceableOnlyReason =
        "where consent cannot reasonably be asked, only data that cannot be traced to the youth may be shared: "
        + "register non-identifiably, which needs no waiver; a waiver serves only unable-to-consent (lid 1 sub a)"
    static let objection = "BW art. 7:458 lid 2: never where the person expressly objected"
}
