import SpoorTestSupport
import Testing
@testable import SpoorDomain

/// Who may read a youth's file, by age (issue 27, section 8). WGBO, BW art. 7:465 lid 1: "Indien de
/// patiënt de leeftijd van twaalf jaar nog niet heeft bereikt, worden de verplichtingen die voor de
/// hulpverlener uit deze afdeling jegens de patiënt voortvloeien, nagekomen jegens de ouders die het
/// gezag over de patiënt uitoefenen dan wel jegens zijn voogd"; art. 7:457 lid 1: no one but the
/// patient gets the file's data without the patient's consent.
@Suite("Subject access by the youth's age: the youth from 12, the parents under 12, unless against good care to 15, with consent from 16")
struct SubjectAccessTests {
    typealias Access = SubjectAccess

    @Test("the youth reads their own file from 12; below it, the parents do")
    func youth() throws {
        #expect(throws: DomainError.self) { try Access.ground(for: .youth, age: 11, statement: .init()) }
        #expect(try Access.ground(for: .youth, age: 12, statement: .init()).hasPrefix("BW art. 7:456"))
        #expect(try Access.ground(for: .parent, age: 11, statement: .init()).hasPrefix("BW art. 7:465 lid 1"))
    }

    @Test("a parent of a youth of 12 to 15 reads it when the privacy officer states it does not go against good care, or the youth agreed")
    func twelveToFifteen() throws {
        #expect(throws: DomainError.self) { try Access.ground(for: .parent, age: 14, statement: .init()) }
        #expect(try Access.ground(for: .parent, age: 14, statement: .init(notAgainstGoodCare: true)).contains("7:453"))
        #expect(try Access.ground(for: .parent, age: 15, statement: .init(youthConsented: true)).hasPrefix("BW art. 7:457"))
    }

    @Test("from 16 a parent reads it only with the youth's consent; a protocol may narrow that to a younger age, never widen it")
    func sixteenAndNarrowing() throws {
        #expect(throws: DomainError.self) { try Access.ground(for: .parent, age: 16, statement: .init(notAgainstGoodCare: true)) }
        #expect(try Access.ground(for: .parent, age: 16, statement: .init(youthConsented: true)).hasPrefix("BW art. 7:457"))
        #expect(throws: DomainError.self) {
            try Access.ground(for: .parent, age: 14, statement: .init(notAgainstGoodCare: true), parentsNeedConsentFrom: 14)
        }
        #expect(throws: DomainError.self, "a wider age is the law's 16") {
            try Access.ground(for: .parent, age: 17, statement: .init(notAgainstGoodCare: true), parentsNeedConsentFrom: 18)
        }
        var wider = InstitutionProtocol.standard
        wider.access.parentsNeedConsentFrom = 18
        #expect(wider.check().contains { $0.path == "access.parentsNeedConsentFrom" })
        var narrower = InstitutionProtocol.standard
        narrower.access.parentsNeedConsentFrom = 14
        #expect(narrower.check().isEmpty)
    }
}
