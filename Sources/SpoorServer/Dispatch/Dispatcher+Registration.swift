import SpoorDomain
import SpoorProtocol

extension Dispatcher {
    /// A registration filled in from the case, for the professional to submit to CoMensha. It
    /// shows the identifying fields in plain text, so it is recorded as a read before it is answered.
    func registrationForm(_ params: RegistrationFormParams, _ caller: Caller) async throws -> JSONValue {
        let state = try caseEntry(params.case).state
        guard let ground = caller.ground(for: state, on: .today) else {
            throw await denied(caller, method: "registration.form", reason: "\(caller.principal.name) has no care relationship with case \(params.case) (its unit, an assignment, a forward or a consultation)")
        }
        guard !state.registrations.isEmpty else { throw WireError(.notFound, "case \(params.case) has no registration at CoMensha") }
        let number = params.registration ?? state.registrations.count
        guard state.registrations.indices.contains(number - 1) else {
            throw WireError(.invalidField, "case \(params.case) has registrations 1 to \(state.registrations.count)", field: "registration")
        }
        let form = RegistrationForm(caseID: params.case, number: number, registration: state.registrations[number - 1], consents: state.consents)
        let json = try form.json
        if form.registration.personal != nil {
            try await recordInSystemStream("personal-data-read", ["case": .string(params.case), "method": "registration.form", "ground": .string(ground.rawValue)], by: caller)
        }
        return ["form": json, "document": .string(form.document)]
    }
}
