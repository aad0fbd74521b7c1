"""Map projections: WGS84 longitudes and latitudes to Lambert-93 metres and back, for the address
files and the offline coverage map (pure arithmetic, no library)."""
