/// Every message is JSON: who speaks the protocol gets ``JSONValue`` with it.
@_exported import SpoorJSON
