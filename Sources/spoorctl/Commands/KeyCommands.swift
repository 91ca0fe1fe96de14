import ArgumentParser
import Foundation
import SpoorProtocol

struct KeysGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "The master key that wraps the cases' data keys (admin).",
        subcommands: [RotateKeys.self])
}

struct RotateKeys: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotate", abstract: "Rewrap every data key under a new master key; the events are not touched.",
        discussion:
            """
            Give a file the daemon can read (e.g. in its state folder). Afterwards install it as the credential spoor-master-key and delete the \
            file: the old key opens nothing.
            """
    )
    @OptionGroup var global: GlobalOptions
    @Option(help: "The new master key's file: 32 bytes, raw or base64.") var newKey: String

    func run() throws {
        let absolute = newKey.hasPrefix("/") ? newKey : FileManager.default.currentDirectoryPath + "/" + newKey
        try global.run(.keysRotate, RotateParams(newKeyPath: absolute), as: RotateReply.self) { reply in
            "rotated: \(reply.rewrapped) data keys rewrapped. Install the new key as the credential spoor-master-key now."
        }
    }
}
