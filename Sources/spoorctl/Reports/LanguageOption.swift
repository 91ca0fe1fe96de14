import ArgumentParser
import SpoorDomain

/// `--language`: the pages people outside IT read are in Dutch by default, as the letters are.
struct LanguageOption: ParsableArguments {
    @Option(help: "nl (the default: the meldcode's and CoMensha's own terms) or en, for the page or the printed tree.")
    var language: PageLanguage = .nl
}

extension PageLanguage: ExpressibleByArgument {}
