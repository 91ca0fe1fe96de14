import Foundation

extension JSONEncoder {
    /// Keys sorted, slashes plain: one value, one text, for what the relay, the hub and CoMensha
    /// write to each other and to files.
    public static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
