"""The data model: curated record types, the qualifier rule and the codebook built from them."""
