"""Customer segmentation: RFM segments (rfm), customer types (clusters) and training
(train), which writes the versioned artifacts the dealer page reads."""
