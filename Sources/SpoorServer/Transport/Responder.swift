import SpoorProtocol

/// What the transport hands requests to. The transport knows the kernel's word on the peer, the
/// connection's number and how to write a reply line; who the peer is in Spoor, and what its
/// request does, are the responder's.
protocol Responder: Sendable {
    /// The peer as the responder knows it, resolved once per connection.
    associatedtype Peer: Sendable & CustomStringConvertible

    func peer(_ credentials: PeerCredentials, connection: Int) -> Peer
    /// Serves `request`, sending its reply lines through `reply`; throws only when the connection fails.
    func respond(to request: Request, from peer: Peer, reply: @escaping @Sendable (Response) async throws -> Void) async throws
}
