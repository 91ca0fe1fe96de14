import SpoorDomain

/// How the projection names a part of a case, after its record's key and a zero byte
/// (``PartedValue``): the list's number, then the chunk's as a u32 big-endian. The state's parts
/// and the digest's are named alike.
extension CaseState.Part {
    var name: [UInt8] { [list.rawValue] + withUnsafeBytes(of: UInt32(chunk).bigEndian) { Array($0) } }

    init?(name: some Collection<UInt8>) {
        guard name.count == 5, let first = name.first, let list = CaseState.List(rawValue: first) else { return nil }
        self.init(list, chunk: Int(name.dropFirst().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }))
    }
}
