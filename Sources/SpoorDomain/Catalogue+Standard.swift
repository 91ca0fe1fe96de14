import Foundation

extension Catalogue {
    /// Version 1: art. 273f Sr and CoMensha's forms, the research's signal categories, common
    /// risk instruments, the meldcode's consultation parties.
    public static let standard = try! Catalogue(json: Data(#"""
    {
      "version": 1,
      "formsOfExploitation": [
        {"id": "sexual", "label": "sexual exploitation"},
        {"id": "labour", "label": "labour exploitation, including forced begging"},
        {"id": "criminal", "label": "criminal exploitation"},
        {"id": "organ-removal", "label": "removal of organs"},
        {"id": "financial", "label": "financial exploitation"},
        {"id": "combination", "label": "a combination of forms"},
        {"id": "unknown", "label": "form not known"}
      ],
      "signalCategories": [
        {"id": "appearance", "label": "appearance and physical"},
        {"id": "mental-state", "label": "mental state"},
        {"id": "behaviour", "label": "behaviour: running away, missing, nights out, hotels"},
        {"id": "school", "label": "school and daytime activities"},
        {"id": "social-contacts", "label": "older or controlling contacts, being picked up"},
        {"id": "money", "label": "money and possessions: sudden money, several phones, debts"},
        {"id": "online", "label": "online: sexting, sextortion"},
        {"id": "sexual-exploitation", "label": "signals of sexual exploitation"},
        {"id": "labour-exploitation", "label": "signals of labour exploitation"},
        {"id": "criminal-exploitation", "label": "signals of criminal exploitation: drugs, weapons, straatschuld"},
        {"id": "coercion", "label": "coercion and control: threats, no own ID, no control over money"},
        {"id": "vulnerability", "label": "vulnerability factor (context, not a signal): LVB, trauma, residential care"}
      ],
      "riskInstruments": [
        {"id": "ris-l", "label": "RIS-L"},
        {"id": "vlaggensysteem", "label": "Vlaggensysteem (green, yellow, red, black)"},
        {"id": "11vb", "label": "11vb"},
        {"id": "own", "label": "the institution's own instrument"}
      ],
      "consultationParties": [
        {"id": "colleague", "label": "a colleague"},
        {"id": "attention-officer", "label": "the attention officer (aandachtsfunctionaris)"},
        {"id": "behavioural-scientist", "label": "a behavioural scientist (gedragswetenschapper)"},
        {"id": "veilig-thuis-advice", "label": "Veilig Thuis, for advice"},
        {"id": "care-coordinator", "label": "the regional care coordinator for human trafficking"}
      ],
      "forwardingRecipients": [
        {"id": "attention-officer", "label": "the attention officer, inside the institution"},
        {"id": "behavioural-scientist", "label": "a behavioural scientist, inside the institution"},
        {"id": "care-coordinator", "label": "the regional care coordinator for human trafficking"},
        {"id": "veilig-thuis", "label": "Veilig Thuis"},
        {"id": "police", "label": "the police"}
      ]
    }
    """#.utf8))
}
