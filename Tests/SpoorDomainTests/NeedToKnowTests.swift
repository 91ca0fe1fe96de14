import SpoorTestSupport
import Testing
@testable import SpoorDomain

/// Who may read a case's personal content, short of an emergency: "een professional ziet een
/// cliëntdossier alleen binnen een behandelrelatie" (NEN 7513, the behandelrelatie).
@Suite("Need-to-know grounds")
struct NeedToKnowGroundTests {
    @Test func aForwardBringsTheRoleInWhileTheStepsAreOpenAndForTheProtocolsPeriodAfter() throws {
        var harness = try CaseHarness.opened(birthDate: "2011-03-01", on: "2026-11-02", unit: "south")
        try harness.run(.signal(on: "2026-11-02"), on: "2026-11-02")
        try harness.run(
            CaseCommand(SignalForwarded(signalIDs: ["signal-1"], forwardedOn: day("2026-11-02"), recipient: "attention-officer")), on: "2026-11-02")
        let state = harness.current
        func ground(_ roles: Set<Role>, user: String = "anna", unit: Bool = false, open: Bool, on text: String) -> AccessGround? {
            AccessGround.of(
                user: user, roles: roles, caresForUnit: unit, carers: state.carers, relationships: state.relationships,
                meldcodeOpen: open, on: day(text))
        }
        #expect(state.relationships == [.init(role: .attentionOfficer, until: day("2026-12-02"))])
        #expect(ground([.attentionOfficer], open: false, on: "2026-12-02") == .relationship)
        #expect(ground([.attentionOfficer], open: false, on: "2026-12-03") == nil)  // 30 days after, the steps done
        #expect(ground([.attentionOfficer], open: true, on: "2027-06-01") == .relationship)  // while the steps are open
        #expect(ground([.professional], open: true, on: "2026-11-03") == nil)  // another role was not brought in
        #expect(ground([.professional], unit: true, open: false, on: "2026-11-03") == .unit)
        #expect(ground([.auditor], unit: true, open: true, on: "2026-11-03") == nil)  // no care role, no plain text
    }

    @Test func theProtocolMayGiveARoleUnitsWhoeverHoldsIt() throws {
        let rules = InstitutionProtocol.AccessRules(
            relationshipDays: 30, unitsByRole: ["behavioural-scientist": ["*"], "professional": ["north"]], source: "x")
        #expect(rules.rolesCare([.behaviouralScientist], for: "south"))
        #expect(rules.rolesCare([.professional], for: "north") && !rules.rolesCare([.professional], for: "south"))
        var protocolWithAuditor = InstitutionProtocol.standard
        protocolWithAuditor.access.unitsByRole = ["auditor": ["*"]]
        #expect(protocolWithAuditor.check().map(\.path) == ["access.unitsByRole.auditor"])
    }
}
