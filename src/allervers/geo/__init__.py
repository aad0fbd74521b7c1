"""Map projections (pyproj only here): WGS84 longitudes and latitudes to Lambert-93 metres and
back, for the address files and the offline coverage map."""
