import Foundation
import SpoorDomain
import Synchronization

/// Who a peer is: its OS user, from the kernel, and that user's roles, from the configuration.
public struct Principal: Sendable, Equatable {
    public var uid: UInt32
    public var name: String
    /// Empty for a user the configuration does not know: such a peer may do nothing.
    public var roles: [Role]
}

/// Maps uids to principals. The roles come from the configuration and are swapped whole on reload
/// (SIGHUP), so a request sees either the old or the new mapping, never a mix.
public final class UserDirectory: Sendable {
    private let roles: Mutex<[String: [Role]]>

    public init(users: [String: [Role]]) { roles = Mutex(users) }

    public func reload(users: [String: [Role]]) { roles.withLock { $0 = users } }

    /// The principal of `uid`; a uid with no passwd entry is named `uid:N` and has no roles.
    public func principal(uid: UInt32) -> Principal {
        principal(uid: uid, name: Self.userName(of: uid) ?? "uid:\(uid)")
    }

    /// The principal of a peer already named, with the roles the configuration gives it now:
    /// looked up per request, so a reload reaches connections that are open.
    func principal(uid: UInt32, name: String) -> Principal {
        Principal(uid: uid, name: name, roles: roles.withLock { $0[name] } ?? [])
    }

    static func userName(of uid: UInt32) -> String? {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4_096)
        guard getpwuid_r(uid, &entry, &buffer, buffer.count, &result) == 0, result != nil, let name = entry.pw_name else {
            return nil
        }
        return String(cString: name)
    }
}
