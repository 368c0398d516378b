; Inno Setup 6 script: the Windows installer of TownDesk's one-folder build (dist\towndesk).
; Made on Windows, from the repository root, after `pyinstaller --noconfirm build.spec` and
; `python packaging\windows\make_icon.py` (steps in README, "Windows"):
;   iscc /DMyAppVersion=0.1.0 packaging\windows\towndesk.iss
; writes dist\towndesk-0.1.0-setup.exe. Installs for all users under Program Files, with a
; Start-menu entry and an uninstaller; each user's data stays in %LOCALAPPDATA%\TownDesk,
; which neither an upgrade nor the uninstaller touches.

#ifndef MyAppVersion
  #error Give the version from pyproject.toml: iscc /DMyAppVersion=0.1.0 packaging\windows\towndesk.iss
#endif
#define MyAppName "TownDesk"
#define MyAppExeName "towndesk.exe"

[Setup]
; The AppId ties upgrades and the uninstaller to this program: never change it.
AppId={{8C7E2D2F-3EBA-4621-8953-B138B8B6791C}
AppName={#MyAppName}
AppVersion={#MyAppVersion}
AppPublisher=TownDesk
DefaultDirName={autopf}\TownDesk
DefaultGroupName=TownDesk
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SourceDir=..\..
OutputDir=dist
OutputBaseFilename=towndesk-{#MyAppVersion}-setup
SetupIconFile=packaging\windows\towndesk.ico
UninstallDisplayIcon={app}\{#MyAppExeName}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; an older version still running would keep its files locked
CloseApplications=yes

[Languages]
; Simplified Chinese first: chosen on a Chinese Windows, and the fallback elsewhere.
; ChineseSimplified.isl is an unofficial translation in Inno Setup 6 releases that do not
; ship it: put it in Inno Setup's Languages folder first (README, "Windows").
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "dist\towndesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "packaging\windows\towndesk.ico"; DestDir: "{app}"; Flags: ignoreversion

[Icons]
Name: "{autoprograms}\TownDesk"; Filename: "{app}\{#MyAppExeName}"; IconFilename: "{app}\towndesk.ico"

[Run]
Filename: "{app}\{#MyAppExeName}"; Description: "{cm:LaunchProgram,TownDesk}"; Flags: nowait postinstall skipifsilent
