extension CaseState {
    /// Drops every piece of personal content the state holds: what erasure leaves is the skeleton.
    mutating func forgetPersonalContent() {
        identity = nil
        for id in signalOrder { signals[id]?.recorded.personal = nil }
        for index in consultations.indices { consultations[index].personal = nil }
        for index in conversations.indices { conversations[index].personal = nil }
        for index in skippedConversations.indices { skippedConversations[index].personal = nil }
        for index in weighings.indices { weighings[index].personal = nil }
        for id in reportOrder {
            for index in reports[id]?.feedback.indices ?? 0..<0 { reports[id]?.feedback[index].personal = nil }
        }
        waiver?.personal = nil
        legalHold?.personal = nil
        waiverRequest?.request.personal = nil
        for index in registrations.indices { registrations[index].personal = nil }
        for index in declinedRegistrations.indices { declinedRegistrations[index].personal = nil }
    }
}
