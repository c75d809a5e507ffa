// lightning-spinner, reduced to what a record page shows: SLDS spinner markup with its
// assistive text as a status.
import { LightningElement, api } from 'lwc';

export default class Spinner extends LightningElement {
  @api alternativeText;
  @api size = 'medium';
  @api variant;

  get spinnerClass() {
    return `slds-spinner slds-spinner_${this.size}${this.variant === 'brand' ? ' slds-spinner_brand' : ''}`;
  }
}
