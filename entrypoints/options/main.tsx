import { render } from 'preact';
import { OptionsApp } from '../../components/options/OptionsApp';
import '../../components/theme.css';
import '../../components/app.css';

render(<OptionsApp />, document.getElementById('app') as HTMLElement);
