extension CaseState {
    /// Drops every piece of personal content the state holds: what erasure leaves is the skeleton.
    mutating func forgetPersonalContent() {
        identity = nil
        for signal in signals.all { signals.update(signal.id) { $0.recorded.personal = nil } }
        consultations.forgetPersonal(\.personal)
        conversations.forgetPersonal(\.personal)
        skippedConversations.forgetPersonal(\.personal)
        weighings.forgetPersonal(\.personal)
        for report in reports.all {
            reports.update(report.id) { report in
                for index in report.feedback.indices { report.feedback[index].personal = nil }
            }
        }
        waiver?.personal = nil
        legalHold?.personal = nil
        waiverRequest?.request.personal = nil
        parentalOverride?.request.personal = nil
        registrations.forgetPersonal(\.personal)
        declinedRegistrations.forgetPersonal(\.personal)
        for index in deliveries.indices { deliveries[index].envelope = nil }
    }
}

extension Chunked {
    /// Sets every element's personal content to `nil`.
    fileprivate mutating func forgetPersonal<T>(_ personal: WritableKeyPath<Element, T?>) {
        for index in indices { update(at: index) { $0[keyPath: personal] = nil } }
    }
}
