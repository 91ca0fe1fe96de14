import Foundation
import SpoorDomain
import Synchronization

/// Who a peer is: its OS user, from the kernel, and that user's roles, from the configuration.
public struct Principal: Sendable, Equatable {
    public var uid: UInt32
    public var name: String
    /// Empty for a user the configuration does not know: such a peer may do nothing.
    public var roles: [Role]
    /// The units whose cases the user cares for (`*`: every unit): where a carer reads plain text.
    public var units: Set<String> = []

    /// Whether the user cares for the cases of `unit`.
    public func caresFor(unit: String) -> Bool { units.contains(unit) || units.contains(UserDirectory.everyUnit) }
}

/// Maps uids to principals. The roles come from the configuration and are swapped whole on reload
/// (SIGHUP), so a request sees either the old or the new mapping, never a mix.
public final class UserDirectory: Sendable {
    /// In the configuration's `units`: every unit.
    public static let everyUnit = "*"

    private struct Entries {
        var roles: [String: [Role]]
        var units: [String: [String]]
        var declaredUnits: Set<String>

        init(roles: [String: [Role]], units: [String: [String]]) {
            (self.roles, self.units) = (roles, units)
            declaredUnits = Set(units.values.joined()).subtracting([UserDirectory.everyUnit])
        }
    }

    private let entries: Mutex<Entries>

    public init(users: [String: [Role]], units: [String: [String]] = [:]) { entries = Mutex(Entries(roles: users, units: units)) }

    public func reload(users: [String: [Role]], units: [String: [String]]) { entries.withLock { $0 = Entries(roles: users, units: units) } }

    /// The units the configuration names (`units`, less `*`): the units a case may belong to.
    /// Empty where it names none (development mode), and then any unit is taken.
    var declaredUnits: Set<String> { entries.withLock { $0.declaredUnits } }

    /// The principal of `uid`; a uid with no passwd entry is named `uid:N` and has no roles.
    public func principal(uid: UInt32) -> Principal {
        principal(uid: uid, name: Self.userName(of: uid) ?? "uid:\(uid)")
    }

    /// The principal of a peer already named, with the roles the configuration gives it now:
    /// looked up per request, so a reload reaches connections that are open.
    func principal(uid: UInt32, name: String) -> Principal {
        entries.withLock { Principal(uid: uid, name: name, roles: $0.roles[name] ?? [], units: Set($0.units[name] ?? [])) }
    }

    /// The principal a delegate vouches for, by the name the configuration gives it, under the
    /// delegate's uid (the OS knows only the delegate); `nil` for a name the configuration does not know.
    func principal(named name: String, through delegate: UInt32) -> Principal? {
        entries.withLock { entries in
            entries.roles[name].map { Principal(uid: delegate, name: name, roles: $0, units: Set(entries.units[name] ?? [])) }
        }
    }

    package static func userName(of uid: UInt32) -> String? {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4_096)
        guard getpwuid_r(uid, &entry, &buffer, buffer.count, &result) == 0, result != nil, let name = entry.pw_name else {
            return nil
        }
        return String(cString: name)
    }
}
