// QualityCore
