extension CaseState {
    /// What CoMensha is owed for a delivery, through the relay's outbox.
    public enum Owed: Sendable, Equatable {
        /// The sealed registration, not yet received.
        case envelope(String)
        /// The withdrawal of the consent the registration rested on, not yet acknowledged.
        case withdrawal(since: Day)
        /// The case's erasure, not yet acknowledged: CoMensha deletes what it holds.
        case erasure
    }

    /// What is owed for `delivery`: nothing once CoMensha acknowledged each; after an erasure, the
    /// erasure only (the envelope went with the case's key).
    public func owed(for delivery: Delivery) -> [Owed] {
        if isErased { return delivery.erasureAcknowledged == nil ? [.erasure] : [] }
        var owed: [Owed] = []
        if delivery.received == nil, let envelope = delivery.envelope { owed.append(.envelope(envelope)) }
        if let notice = withdrawalNotice, delivery.withdrawalAcknowledged == nil,
            registrations.indices.contains(delivery.registration - 1), registrations[delivery.registration - 1].basis == .consent
        {
            owed.append(.withdrawal(since: notice.due.since))
        }
        return owed
    }
}
