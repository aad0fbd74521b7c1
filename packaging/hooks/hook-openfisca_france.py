"""PyInstaller hook for openfisca-france.

openfisca-core builds the tax-benefit system from files on disk: it finds the variables by
globbing `openfisca_france/model/**/*.py` and executes each file by its path
(`TaxBenefitSystem.add_variables_from_directory`), and reads the parameters' YAML tree with
`os.listdir` (`parameters.load_parameter_file`). Modules inside PyInstaller's archive are neither,
so the whole package is shipped as files, `.py` included; with data files alone the system loads
with zero variables. The distribution's metadata goes too: Aller-Vers records the
openfisca-france version with every assessment (`importlib.metadata.version`).
"""

from PyInstaller.utils.hooks import collect_data_files, copy_metadata

datas = collect_data_files("openfisca_france", include_py_files=True) + copy_metadata(
    "openfisca-france"
)
# The variable files are executed by path, so PyInstaller's analysis never sees their imports.
hiddenimports = ["openfisca_france.model.base"]
