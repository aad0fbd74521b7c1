; Inno Setup script: the Windows installer around the PyInstaller bundle (dist\allervers\).
; Built by .github/workflows/package.yml on a Windows runner:
;   iscc /DAppVersion=0.1.0 packaging\windows\allervers.iss
; Not built nor tested here: Aller-Vers's own machines run Linux (packaging/README.md).

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif

[Setup]
AppId={{EFDC2564-43D0-4298-9B80-610C49913921}
AppName=Aller-Vers
AppVersion={#AppVersion}
AppPublisher=Projet Aller-Vers
DefaultDirName={autopf}\Aller-Vers
DefaultGroupName=Aller-Vers
DisableProgramGroupPage=yes
; A volunteer without administrator rights can install for themselves only.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
LicenseFile=..\..\LICENSE
SetupIconFile=..\icons\allervers.ico
UninstallDisplayIcon={app}\Aller-Vers.exe
OutputDir=..\..\dist
OutputBaseFilename=allervers-{#AppVersion}-windows-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "french"; MessagesFile: "compiler:Languages\French.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\..\dist\allervers\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Aller-Vers"; Filename: "{app}\Aller-Vers.exe"
Name: "{autodesktop}\Aller-Vers"; Filename: "{app}\Aller-Vers.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\Aller-Vers.exe"; Description: "{cm:LaunchProgram,Aller-Vers}"; Flags: nowait postinstall skipifsilent
